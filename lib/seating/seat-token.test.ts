import { describe, expect, it } from "vitest";
import { generateVenue } from "./generate-venue";
import { parseVenueLayout } from "./parse-layout";
import { SEAT_ID_BASE, seatForToken, seatOfToken, seatTokenId, seatsPerTier, tokenIdOfSeat } from "./seat-token";

describe("seat token ids", () => {
  it("encode tier and seat above every sequential id, and decode back", () => {
    expect(seatTokenId(0, 0)).toBe(SEAT_ID_BASE);
    expect(seatTokenId(3, 5)).toBe((1n << 32n) | (3n << 24n) | 5n);
    expect(seatOfToken(seatTokenId(7, 16_777_215))).toEqual({ tier: 7, tierSeat: 16_777_215 });
    expect(seatOfToken(1n)).toBeNull();
    expect(seatOfToken(SEAT_ID_BASE - 1n)).toBeNull();
    expect(seatOfToken(SEAT_ID_BASE << 1n)).toBeNull();
  });

  it("number each tier's seats 0.. in layout order, one token per seat, and map tokens back", () => {
    const venue = parseVenueLayout(generateVenue({ sections: 6, rows: 10, seatsPerRow: 12, tiers: 3 }));
    const ids = new Set(venue.seats.map(tokenIdOfSeat));
    expect(ids.size).toBe(venue.seats.length);
    for (const [tier, count] of seatsPerTier(venue)) {
      const numbers = venue.seats.filter((s) => s.tier === tier).map((s) => s.tierSeat);
      expect(numbers).toEqual(Array.from({ length: count }, (_, i) => i));
    }
    const seat = venue.seats[venue.seats.length - 1]!;
    expect(seatForToken(venue, tokenIdOfSeat(seat))).toBe(seat);
    expect(seatForToken(venue, 1n)).toBeUndefined();
    expect(seatForToken(venue, seatTokenId(7, 999_999))).toBeUndefined();
  });
});
