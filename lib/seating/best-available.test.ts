import { describe, expect, it } from "vitest";
import { seededRandom } from "../random/seeded-random";
import { bestAvailable, rowRuns, type BestAvailableOptions } from "./best-available";
import { generateVenue } from "./generate-venue";
import { parseVenueLayout } from "./parse-layout";
import type { VenueSeats } from "./venue-layout";

const PRICES = [30n, 20n, 10n];
const priceOf = (t: number) => PRICES[t];

/** Every group of `count` free adjacent seats, the slow obvious way: the reference. */
function allGroups(venue: VenueSeats, o: BestAvailableOptions) {
  const groups: { seats: number[]; total: bigint; distance: number }[] = [];
  for (const a of venue.seats) {
    const seats = [a.index];
    for (let k = 1; k < o.count; k++) {
      const next = venue.byKey.get(`${a.section}|${a.row}|${a.number + k}`);
      if (next === undefined) break;
      seats.push(next);
    }
    if (seats.length !== o.count) continue;
    if (!seats.every((s) => o.isFree(s) && (!o.accessibleOnly || venue.seats[s]!.accessible))) continue;
    const price = o.priceOf(a.tier);
    if (price === undefined || (o.tiers && !o.tiers.includes(a.tier))) continue;
    const cx = seats.reduce((x, s) => x + venue.seats[s]!.x, 0) / o.count;
    const cy = seats.reduce((y, s) => y + venue.seats[s]!.y, 0) / o.count;
    groups.push({
      seats,
      total: price * BigInt(o.count),
      distance: Math.hypot(cx - venue.stage.x, cy - venue.stage.y),
    });
  }
  return groups;
}

describe("bestAvailable", () => {
  const small = parseVenueLayout({
    name: "Hall",
    stage: { x: 0, y: 0 },
    sections: [
      { id: "A", tier: 0, rows: [{ id: "1", seats: [1, 2, 3, 4, 5].map((n) => ({ number: n, x: n, y: 1 })) }] },
      // Seat 3 is missing from the numbering: 2 and 4 are not neighbours.
      {
        id: "B",
        tier: 2,
        rows: [{ id: "9", seats: [1, 2, 4, 5, 6].map((n) => ({ number: n, x: n, y: 9, accessible: n >= 4 })) }],
      },
    ],
  });
  const runs = rowRuns(small);
  const idx = (key: string) => small.byKey.get(key)!;

  it("picks the cheapest group of adjacent free seats, then the one closest to the stage", () => {
    const [g] = bestAvailable(small, runs, { count: 2, isFree: () => true, priceOf });
    expect(g!.seats.map((s) => small.seats[s]!.number)).toEqual([1, 2]);
    expect(small.seats[g!.seats[0]!]!.section).toBe("B");
    expect(g!.total).toBe(20n);
  });

  it("never joins seats across a gap in the numbering or a taken seat", () => {
    const three = bestAvailable(small, runs, { count: 3, isFree: () => true, priceOf, results: 5 });
    expect(
      three.map((g) => g.seats.map((s) => `${small.seats[s]!.section}${small.seats[s]!.number}`).join(" ")),
    ).toEqual(["B4 B5 B6", "A1 A2 A3"]);
    const taken = new Set([idx("B|9|5")]);
    const left = bestAvailable(small, runs, { count: 2, isFree: (s) => !taken.has(s), priceOf, results: 10 });
    for (const g of left) expect(g.seats).not.toContain(idx("B|9|5"));
    expect(left.map((g) => g.seats.length)).toEqual(left.map(() => 2));
  });

  it("filters by tier and accessibility, and returns groups that share no seat", () => {
    expect(bestAvailable(small, runs, { count: 2, isFree: () => true, priceOf, tiers: [0] })[0]!.total).toBe(60n);
    const acc = bestAvailable(small, runs, { count: 3, isFree: () => true, priceOf, accessibleOnly: true, results: 3 });
    expect(acc).toHaveLength(1);
    const many = bestAvailable(small, runs, { count: 2, isFree: () => true, priceOf, results: 10 });
    const seen = many.flatMap((g) => g.seats);
    expect(new Set(seen).size).toBe(seen.length);
    expect(bestAvailable(small, runs, { count: 7, isFree: () => true, priceOf })).toEqual([]);
    expect(bestAvailable(small, runs, { count: 0, isFree: () => true, priceOf })).toEqual([]);
  });

  it("agrees with a brute-force reference on generated venues with random sold seats", () => {
    const rand = seededRandom(7);
    for (let trial = 0; trial < 20; trial++) {
      const venue = parseVenueLayout(generateVenue({ sections: 3 + (trial % 4), rows: 4, seatsPerRow: 6 }));
      const soldShare = rand() * 0.8;
      const sold = new Set(venue.seats.filter(() => rand() < soldShare).map((s) => s.index));
      const count = 1 + Math.floor(rand() * 4);
      const o: BestAvailableOptions = { count, isFree: (s) => !sold.has(s), priceOf };
      const [best] = bestAvailable(venue, rowRuns(venue), o);
      const reference = allGroups(venue, o);
      if (reference.length === 0) {
        expect(best).toBeUndefined();
        continue;
      }
      const cheapest = reference.reduce((m, g) => (g.total < m ? g.total : m), reference[0]!.total);
      const closest = Math.min(...reference.filter((g) => g.total === cheapest).map((g) => g.distance));
      expect(best!.total).toBe(cheapest);
      expect(best!.distance).toBeCloseTo(closest, 9);
      expect(best!.seats.every((s) => !sold.has(s))).toBe(true);
    }
  });

  it("answers on a 50,000-seat stadium", () => {
    const venue = parseVenueLayout(generateVenue({ sections: 40, rows: 50, seatsPerRow: 20 }));
    const sold = new Set(venue.seats.filter((s) => s.index % 3 !== 0).map((s) => s.index));
    const groups = bestAvailable(venue, rowRuns(venue), { count: 4, isFree: (s) => !sold.has(s), priceOf, results: 3 });
    // Two of every three seats sold in a regular pattern: no four free seats are adjacent anywhere.
    expect(groups).toEqual([]);
    const open = bestAvailable(venue, rowRuns(venue), { count: 4, isFree: () => true, priceOf, results: 3 });
    expect(open).toHaveLength(3);
    expect(open.every((g) => g.total === 40n)).toBe(true);
  });
});
