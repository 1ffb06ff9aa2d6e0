/** A failure whose message is meant for the user (shown by the renderer as-is). */
export class UserFacingError extends Error {
  override name = "UserFacingError";
}

/** A path the window holds no capability for (see documents.ts). */
export function notGrantedError(filePath: string): UserFacingError {
  return new UserFacingError(`${filePath} was not opened in this window; use Open or Save As first.`);
}
