/**
 * The only links the app hands to the operating system: plain https URLs with a host and no embedded
 * credentials. Everything else (file:, javascript:, custom schemes, http) could launch local programs or
 * leak data, so it is refused (Electron checklist item 15).
 *
 * What is opened is the parsed URL serialised again, never the string the page sent: parsers disagree
 * about odd input (`https://evil.example\@good.example` is host evil.example to the WHATWG parser but may
 * read as user "evil.example\" at good.example elsewhere), so the check and the OS must see the same URL.
 */
const MAX_URL_LENGTH = 2048;

/** The URL to open, re-serialised from its parsed form, or null when it is refused. */
export function safeExternalUrl(candidate: unknown): string | null {
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > MAX_URL_LENGTH) return null;
  // Control characters and spaces make some OS URL handlers split the string into arguments.
  if (/[\u0000-\u0020\u007f]/.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" || url.hostname.length === 0 || url.username !== "" || url.password !== "") return null;
  const serialised = url.href;
  return serialised.length <= MAX_URL_LENGTH ? serialised : null;
}

export function isSafeExternalUrl(candidate: unknown): candidate is string {
  return safeExternalUrl(candidate) !== null;
}
