/**
 * The venue cache behind the seat on ADMIT and in ticket reads: seat tokens map to the stored
 * layout's section/row/seat, general-admission ids never read the database, a replaced layout is
 * picked up after the recheck interval without a scan ever waiting on the reload.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateVenue } from "../../lib/seating/generate-venue";
import { parseVenueLayout } from "../../lib/seating/parse-layout";
import { seatTokenId } from "../../lib/seating/seat-token";
import { venueLayouts } from "../db/schema";
import type { Database } from "../db/types";
import { IN_MEMORY, openPglite } from "../db/open-pglite";
import { createVenueCache } from "./venue-cache";

const EVENT = "0x00000000000000000000000000000000000000Aa";

describe("venue cache", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openPglite(IN_MEMORY);
  });
  afterAll(async () => database?.close());

  const store = async (layout: ReturnType<typeof generateVenue>, at: Date) => {
    const venue = parseVenueLayout(layout);
    const row = { contract: EVENT.toLowerCase(), layout: venue.layout, seats: venue.seats.length, updatedAt: at };
    await database.db.insert(venueLayouts).values(row).onConflictDoUpdate({ target: venueLayouts.contract, set: row });
    return venue;
  };

  it("names the seat of a seat token, nothing for general admission or unknown events and seats", async () => {
    let clock = 0;
    const cache = createVenueCache(database.db, { recheckMs: 1_000, now: () => clock });
    expect(await cache.seatOf(EVENT, seatTokenId(0, 0))).toBeUndefined(); // no layout yet
    const venue = await store(generateVenue({ sections: 4, rows: 5, seatsPerRow: 6, tiers: 2 }), new Date(1_000));
    clock = 1_000; // past the recheck: the background reload finds the new layout
    await cache.seatOf(EVENT, seatTokenId(0, 0));
    await new Promise((r) => setTimeout(r, 50));
    const seat = venue.seats.find((s) => s.tier === 1 && s.tierSeat === 3)!;
    expect(await cache.seatOf(EVENT, seatTokenId(1, 3))).toEqual({
      section: seat.section,
      row: seat.row,
      number: seat.number,
    });
    expect(await cache.seatOf(EVENT.toLowerCase(), seatTokenId(1, 3))).toEqual({
      section: seat.section,
      row: seat.row,
      number: seat.number,
    });
    expect(await cache.seatOf(EVENT, 7n)).toBeUndefined();
    expect(await cache.seatOf(EVENT, seatTokenId(1, 10_000))).toBeUndefined();
    expect(await cache.seatOf("0x00000000000000000000000000000000000000bb", seatTokenId(0, 0))).toBeUndefined();
  });

  it("picks up a replaced layout after the recheck interval", async () => {
    let clock = 0;
    const cache = createVenueCache(database.db, { recheckMs: 1_000, now: () => clock });
    const before = await store(
      generateVenue({ name: "Before", sections: 2, rows: 2, seatsPerRow: 2, tiers: 1 }),
      new Date(2_000),
    );
    const first = before.seats[0]!;
    expect(await cache.seatOf(EVENT, seatTokenId(0, 0))).toEqual({
      section: first.section,
      row: first.row,
      number: first.number,
    });
    const after = await store(
      generateVenue({ name: "After", sections: 3, rows: 4, seatsPerRow: 5, tiers: 1 }),
      new Date(3_000),
    );
    const last = after.seats.at(-1)!;
    expect(await cache.seatOf(EVENT, seatTokenId(0, last.tierSeat))).toBeUndefined(); // still the old one
    clock = 1_000;
    await cache.seatOf(EVENT, seatTokenId(0, 0)); // triggers the background recheck
    await new Promise((r) => setTimeout(r, 50));
    expect(await cache.seatOf(EVENT, seatTokenId(0, last.tierSeat))).toEqual({
      section: last.section,
      row: last.row,
      number: last.number,
    });
  });
});
