/** JWT and introspection times (seconds since the epoch) as people read them, in UTC like AM's logs. */
const TIME_CLAIMS = new Set(["exp", "iat", "nbf", "auth_time"]);

export function readableTime(key: string, value: unknown): string | null {
  if (!TIME_CLAIMS.has(key) || typeof value !== "number" || !Number.isFinite(value)) return null;
  // Seconds, not milliseconds: 10^11 s is year 5138; anything larger is not a JWT time.
  if (value < 0 || value > 1e11) return null;
  return new Date(value * 1000).toISOString().replace("T", " ").replace(/\.000Z$/, " UTC");
}
