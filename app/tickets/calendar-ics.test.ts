import { describe, expect, it } from "vitest";
import { buildIcs, CalendarEventError, escapeText, foldLine, utcStamp } from "./calendar-ics";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("calendar ICS", () => {
  it("escapes backslash, semicolon, comma and line breaks in text", () => {
    expect(escapeText("Rock, Pop; and \\ more\nSecond line\r\nThird")).toBe(
      "Rock\\, Pop\\; and \\\\ more\\nSecond line\\nThird",
    );
  });

  it("writes times in UTC", () => {
    expect(utcStamp(0)).toBe("19700101T000000Z");
    expect(utcStamp(1_796_677_440)).toBe("20261207T210400Z");
    expect(() => utcStamp(Number.NaN)).toThrow(CalendarEventError);
  });

  it("folds long lines at 75 octets without splitting a character, and unfolds to the original", () => {
    const line = `SUMMARY:${"é".repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(" ")).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(foldLine("SHORT:line")).toBe("SHORT:line");
  });

  it("builds one VEVENT with CRLF line ends and the fields escaped", () => {
    const ics = buildIcs(
      {
        uid: "31337-0xabc-1@fairgate",
        title: "Fairgate Live: Tiered Night, Tier 0",
        start: 1_796_677_440,
        end: 1_796_677_440 + 6 * 3600,
        location: "Hall 1; Main St",
        url: "http://127.0.0.1:3000/tickets/0xabc/1",
      },
      new Date("2026-12-01T12:00:00Z"),
    );
    expect(ics.endsWith("\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toContain("\n");
    const lines = ics.replace(/\r\n /g, "").split("\r\n");
    expect(lines).toEqual([
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//Fairgate//Ticket//EN",
      "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH",
      "BEGIN:VEVENT",
      "UID:31337-0xabc-1@fairgate",
      "DTSTAMP:20261201T120000Z",
      "DTSTART:20261207T210400Z",
      "DTEND:20261208T030400Z",
      "SUMMARY:Fairgate Live: Tiered Night\\, Tier 0",
      "LOCATION:Hall 1\\; Main St",
      "URL:http://127.0.0.1:3000/tickets/0xabc/1",
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ]);
  });

  it("refuses an event that ends before it starts", () => {
    expect(() => buildIcs({ uid: "u", title: "t", start: 10, end: 5 }, new Date())).toThrow(CalendarEventError);
  });
});
