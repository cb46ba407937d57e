import { describe, expect, it } from "vitest";
import { ticketStatus } from "../../lib/ticket-status/ticket-status";
import type { TicketCard } from "./ticket-card";
import { clip, escapeXml, ticketImageSvg } from "./ticket-image-svg";

const card = (over: Partial<TicketCard> = {}): TicketCard => ({
  tokenId: "7",
  eventName: "Night & Day",
  startTime: 1_800_000_000,
  dateText: "Fri 15 Jan 2027, 08:00 UTC",
  tierName: "Tier 0",
  zoneText: "General",
  seatText: null,
  status: ticketStatus({ refunded: false, eventCancelled: false, checkedInOnChain: false, admittedAt: null }),
  ...over,
});

describe("ticket image SVG", () => {
  it("escapes markup and drops characters XML forbids, so any name stays text and the SVG parses", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    expect(escapeXml("a\u0000b\u001Fc\uFFFEd\uD800e")).toBe("abcde");
    expect(escapeXml("🎫 ok")).toBe("🎫 ok");
  });

  it("cuts long texts by code point with an ellipsis", () => {
    expect(clip("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
    expect(clip("🎫".repeat(20), 5)).toBe("🎫🎫🎫🎫…");
    expect(clip("  a \n b  ", 10)).toBe("a b");
  });

  it("draws the seat only for a seated ticket, and the status in its words", () => {
    const seated = ticketImageSvg(card({ seatText: "Section S1 · Row 2 · Seat 14" }));
    expect(seated).toContain("Section S1 · Row 2 · Seat 14");
    expect(seated).toContain("Night &amp; Day");
    expect(ticketImageSvg(card())).not.toContain("Seat");
    const admitted = ticketStatus({
      refunded: false,
      eventCancelled: false,
      checkedInOnChain: false,
      admittedAt: "2027-01-15T08:30:00Z",
    });
    expect(ticketImageSvg(card({ status: admitted }))).toContain("Used at the gate");
  });
});
