import { describe, expect, it } from "vitest";
import { seatTokenId } from "../seating/seat-token";
import { formatEventTime, ticketLabel, tierName } from "./display";

describe("event content display", () => {
  it("names a tier by the organizer's name, else Tier N", () => {
    const content = { tierNames: ["Standing", "  ", "Balcony"] };
    expect(tierName(content, 0)).toBe("Standing");
    expect(tierName(content, 1)).toBe("Tier 1");
    expect(tierName(content, 5)).toBe("Tier 5");
    expect(tierName(null, 2)).toBe("Tier 2");
    expect(tierName(content, null)).toBe("Ticket");
  });

  it("shows a moment in the event's time zone", () => {
    // 2033-05-18T03:33:20Z
    expect(formatEventTime(2_000_000_000, "UTC")).toBe("Wed, 18 May 2033, 03:33 UTC");
    expect(formatEventTime("2000000000", "America/New_York")).toMatch(/17 May 2033, 23:33 (EDT|GMT-4)/);
    expect(formatEventTime("not a time", "UTC")).toBe("");
  });

  it("names a seat ticket by its seat, never by its packed token id", () => {
    const seat = seatTokenId(1, 11);
    expect(ticketLabel(seat, { section: "A", row: "3", number: 12 })).toBe("Section A · Row 3 · Seat 12");
    expect(ticketLabel(seat, null)).toBe("Reserved seat");
    expect(ticketLabel(7n, null)).toBe("Ticket #7");
  });
});
