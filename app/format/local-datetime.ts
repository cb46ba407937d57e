/** A `datetime-local` input value (local wall time, minutes, no zone) for a Date. */
export function toLocalInput(d: Date): string {
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
