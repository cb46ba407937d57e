/**
 * Wall-clock times in a named time zone, for the organizer's door-time field: "2033-05-18T19:30"
 * in Europe/Berlin ⇄ unix seconds. Intl knows every zone's offsets, DST included, so no table here.
 */

/** The zone's offset from UTC at `ms`, in ms (positive east of Greenwich). */
function offsetMs(ms: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** "YYYY-MM-DDTHH:MM" read in `timeZone` → unix seconds; null when the text is not such a time. */
export function zonedToUnix(local: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  if (Number.isNaN(wall)) return null;
  // Two passes: the offset at the guess may differ from the offset at the answer across a DST change.
  const first = wall - offsetMs(wall, timeZone);
  const ms = wall - offsetMs(first, timeZone);
  return Math.floor(ms / 1000);
}

/** Unix seconds → "YYYY-MM-DDTHH:MM" in `timeZone` (for a datetime-local field). */
export function unixToZoned(seconds: number, timeZone: string): string {
  const ms = seconds * 1000;
  const wall = new Date(ms + offsetMs(ms, timeZone));
  return wall.toISOString().slice(0, 16);
}
