/**
 * An estimated wait in words, rounded the way a queue screen should be (no false precision).
 *
 * @example
 * formatWait(75) // "about 2 minutes"
 */
export function formatWait(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "unknown yet";
  if (seconds <= 0) return "any moment now";
  if (seconds < 60) return `less than a minute`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `about ${minutes} minute${minutes === 1 ? "" : "s"}`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} h${rest ? ` ${rest} min` : ""}`;
}
