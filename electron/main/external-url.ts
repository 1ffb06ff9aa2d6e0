/**
 * The only links the app hands to the operating system: plain https URLs with a host and no embedded
 * credentials. Everything else (file:, javascript:, custom schemes, http) could launch local programs or
 * leak data, so it is refused (Electron checklist item 15).
 */
const MAX_URL_LENGTH = 2048;

export function isSafeExternalUrl(candidate: unknown): candidate is string {
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > MAX_URL_LENGTH) return false;
  // Control characters and spaces make some OS URL handlers split the string into arguments.
  if (/[\u0000-\u0020\u007f]/.test(candidate)) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  return url.protocol === "https:" && url.hostname.length > 0 && url.username === "" && url.password === "";
}
