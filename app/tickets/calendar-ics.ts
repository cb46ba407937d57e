/**
 * An iCalendar (RFC 5545) file with one event, for the ticket page's "Add to calendar": text escaped
 * (§3.3.11), lines folded at 75 octets without splitting a character (§3.1), times in UTC (§3.3.5),
 * CRLF line ends. Pure, so the download and its test build the same bytes.
 */

export type CalendarEvent = {
  /** Globally unique and stable, so a second download updates the same calendar entry. */
  uid: string;
  title: string;
  /** Unix seconds. */
  start: number;
  end: number;
  location?: string | undefined;
  description?: string | undefined;
  url?: string | undefined;
};

export class CalendarEventError extends Error {
  override name = "CalendarEventError";
  readonly code = "BAD_CALENDAR_EVENT";
}

/** TEXT value escaping: backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** A content line folded into chunks of at most 75 octets, each continuation starting with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; a continuation's leading space counts, so it holds 74 more.
    const room = parts.length === 0 ? 75 : 74;
    if (octets + size > room) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** `20261207T210400Z` from unix seconds. */
export function utcStamp(seconds: number): string {
  if (!Number.isFinite(seconds)) throw new CalendarEventError(`not a time: ${seconds}`);
  return new Date(seconds * 1000)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/**
 * @example
 * buildIcs({ uid: "31337-0xabc-1@fairgate", title: "Demo Night", start: 1765141440, end: 1765162800 }, new Date())
 */
export function buildIcs(event: CalendarEvent, now: Date): string {
  if (event.end < event.start) throw new CalendarEventError("the event ends before it starts");
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Fairgate//Ticket//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${utcStamp(Math.floor(now.getTime() / 1000))}`,
    `DTSTART:${utcStamp(event.start)}`,
    `DTEND:${utcStamp(event.end)}`,
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    // URI values are not TEXT: no escaping, only folding.
    ...(event.url ? [`URL:${event.url}`] : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
