/**
 * Seat holds on PGlite and PostgreSQL: all-or-nothing holds with the taken seats named, renewal by
 * the same fan, the per-fan cap (also under parallel requests of one fan), expiry by the clock,
 * release, and many fans racing for the same seats: each seat ends with exactly one holder.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/types";
import { testDatabases } from "../testing/test-databases";
import { SeatError } from "./seat-error";
import { activeHolds, holdSeats, releaseSeats } from "./seat-holds";

const EVENT = "0x00000000000000000000000000000000000000aa";
const settings = { ttlSeconds: 180, maxPerHolder: 4 };
const fan = (n: number) => `0x${n.toString(16).padStart(40, "0")}`;
const T0 = new Date("2026-06-01T18:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

async function refusal(p: Promise<unknown>): Promise<SeatError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof SeatError)) throw new Error(`expected a SeatError, got ${String(err)}`);
  return err;
}

describe.each(testDatabases())("seat holds on $name", { timeout: 120_000 }, (kind) => {
  if (kind.skip) console.warn(`⚠ seat holds on ${kind.name} SKIPPED: ${kind.skip}`);
  let database: Database;
  beforeAll(async () => {
    if (kind.skip) return;
    database = await kind.open();
  });
  afterAll(async () => {
    if (kind.skip) return;
    await database.close();
    await kind.shutdown();
  });
  const hold = (holder: string, seats: number[], now = T0, contract = EVENT) =>
    holdSeats(database.db, { contract, holder, seats, now, settings });

  it.skipIf(kind.skip)("holds all chosen seats or none, and names the seats someone else holds", async () => {
    expect(await hold(fan(1), [10, 11])).toEqual({ seats: [10, 11], expiresAt: at(180).toISOString() });
    const taken = await refusal(hold(fan(2), [11, 12, 13]));
    expect([taken.code, taken.status, taken.seats]).toEqual(["SEATS_TAKEN", 409, [11]]);
    // Nothing of the refused request was kept: seat 12 is still free.
    expect((await activeHolds(database.db, EVENT, T0)).holds.map((h) => h.seat)).toEqual([10, 11]);
    expect(await hold(fan(2), [12, 13])).toMatchObject({ seats: [12, 13] });
    // Renewing your own hold moves its expiry; another event's seat 10 is another seat.
    expect(await hold(fan(1), [10, 11], at(60))).toEqual({ seats: [10, 11], expiresAt: at(240).toISOString() });
    expect(await hold(fan(3), [10], T0, "0x00000000000000000000000000000000000000bb")).toMatchObject({ seats: [10] });
  });

  it.skipIf(kind.skip)("caps the seats one fan holds, and shows holds without saying who holds them", async () => {
    const f = fan(4);
    await hold(f, [20, 21, 22]);
    const over = await refusal(hold(f, [23, 24]));
    expect([over.code, over.status]).toEqual(["HOLD_LIMIT", 429]);
    expect(over.message).toContain("3 other seat(s)");
    expect(await hold(f, [22, 23])).toMatchObject({ seats: [22, 23] }); // 20, 21 + 22 renewed + 23 = 4
    const view = await activeHolds(database.db, EVENT, T0, f);
    expect(view.holds.filter((h) => h.mine).map((h) => h.seat)).toEqual([20, 21, 22, 23]);
    expect(JSON.stringify(view)).not.toContain(f.slice(2));
    expect((await refusal(hold(f, []))).code).toBe("BAD_REQUEST");
  });

  it.skipIf(kind.skip)("expires holds by the clock and releases them on request", async () => {
    const f = fan(5);
    await hold(f, [30, 31]);
    expect(await refusal(hold(fan(6), [30], at(179)))).toMatchObject({ code: "SEATS_TAKEN" });
    expect(await hold(fan(6), [30], at(180))).toMatchObject({ seats: [30] });
    expect((await activeHolds(database.db, EVENT, at(181))).holds.some((h) => h.seat === 31)).toBe(false);
    await hold(f, [40, 41]);
    expect(await releaseSeats(database.db, { contract: EVENT, holder: f, seats: [40] })).toEqual({ released: [40] });
    expect(await hold(fan(7), [40])).toMatchObject({ seats: [40] });
    expect(await releaseSeats(database.db, { contract: EVENT, holder: f })).toEqual({ released: [41] });
  });

  it.skipIf(kind.skip)(
    "20 fans racing for the same 6 seats: every seat ends with exactly one holder, no fan over the cap",
    async () => {
      const seats = [100, 101, 102, 103, 104, 105];
      const fans = Array.from({ length: 20 }, (_, i) => fan(1000 + i));
      const results = await Promise.allSettled(
        fans.flatMap((f, i) => [hold(f, [seats[i % 6]!, seats[(i + 1) % 6]!]), hold(f, [seats[(i + 2) % 6]!])]),
      );
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(SeatError);
      const won = results
        .filter((r) => r.status === "fulfilled")
        .flatMap((r) => (r as PromiseFulfilledResult<{ seats: number[] }>).value.seats);
      expect(won.sort((a, b) => a - b)).toEqual(seats);
      const rows = (await activeHolds(database.db, EVENT, T0)).holds.filter((h) => seats.includes(h.seat));
      expect(rows.map((h) => h.seat)).toEqual(seats);
    },
  );

  it.skipIf(kind.skip)("one fan's parallel requests cannot slip past the cap", async () => {
    const f = fan(9);
    const results = await Promise.allSettled([200, 202, 204, 206, 208].map((s) => hold(f, [s, s + 1])));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    const mine = (await activeHolds(database.db, EVENT, T0, f)).holds.filter((h) => h.mine);
    expect(mine).toHaveLength(4);
  });
});
