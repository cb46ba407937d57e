/** Admission: the configured rate, in position order, with carry and a bounded burst after a pause. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNotNull } from "drizzle-orm";
import { IN_MEMORY, openPglite } from "../../db/open-pglite";
import { onsaleEntries } from "../../db/schema";
import type { Database } from "../../db/types";
import { insertTestSale } from "../../testing/onsale-sale-row";
import type { OnsaleDeps } from "../onsale-deps";
import { admitTick, MAX_BURST_SECONDS } from "./admit-tick";
import { joinQueue } from "./join-queue";

let database: Database;
beforeAll(async () => {
  database = await openPglite(IN_MEMORY);
});
afterAll(async () => database.close());

const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

describe("admitTick", () => {
  it("admits rate × elapsed entries in position order, carrying fractions", async () => {
    const opensAt = new Date("2030-02-01T10:00:00Z");
    const sale = await insertTestSale(database.db, { id: "rate", opensAt, admitPerSecond: 10 });
    for (let i = 0; i < 200; i++)
      await joinQueue({ db: database.db, now: () => at(opensAt, -1_000) } as OnsaleDeps, sale.id, "ip");
    expect((await admitTick(database.db, sale.id, at(opensAt, -10))).admitted).toEqual([]); // not open yet
    expect((await admitTick(database.db, sale.id, opensAt)).admitted).toEqual([]); // draw; no time elapsed
    const one = await admitTick(database.db, sale.id, at(opensAt, 1_000));
    expect(one.admitted).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const quarter = await admitTick(database.db, sale.id, at(opensAt, 1_250)); // 2.5 owed → 2, carry 0.5
    expect(quarter.admitted).toEqual([11, 12]);
    const next = await admitTick(database.db, sale.id, at(opensAt, 1_500)); // 0.5 + 2.5 → 3
    expect(next.admitted).toEqual([13, 14, 15]);
    // A minute-long pause (restart, stalled instance) releases at most MAX_BURST_SECONDS worth.
    const burst = await admitTick(database.db, sale.id, at(opensAt, 61_500));
    expect(burst.admitted.length).toBe(10 * MAX_BURST_SECONDS);
    expect(burst.admitted[0]).toBe(16);
    const admitted = await database.db
      .select({ p: onsaleEntries.position })
      .from(onsaleEntries)
      .where(and(eq(onsaleEntries.saleId, sale.id), isNotNull(onsaleEntries.admittedAt)));
    expect(admitted.map((r) => r.p!).sort((a, b) => a - b)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
  });

  it("admits only as many as the unheld stock can serve, and re-admits when a hold expires", async () => {
    const opensAt = new Date("2030-02-03T10:00:00Z");
    const sale = await insertTestSale(database.db, {
      id: "stock",
      opensAt,
      admitPerSecond: 100,
      supply: 5,
      maxPerIdentity: 2,
      admissionTtlSeconds: 60,
      lottery: false,
    });
    for (let i = 0; i < 10; i++)
      await joinQueue({ db: database.db, now: () => at(opensAt, -10) } as OnsaleDeps, sale.id, "ip");
    expect((await admitTick(database.db, sale.id, opensAt)).admitted).toEqual([]);
    const first = await admitTick(database.db, sale.id, at(opensAt, 1_000));
    expect(first.admitted).toEqual([1, 2]); // 2 × 2 held of 5: a third would be promised 1 of 2
    expect((await admitTick(database.db, sale.id, at(opensAt, 2_000))).admitted).toEqual([]);
    // Both admitted fans let their window pass: their holds return and the next two are admitted.
    expect((await admitTick(database.db, sale.id, at(opensAt, 62_000))).admitted).toEqual([3, 4]);
  });

  it("never dates an admission before the previous tick's, whatever clock the caller read", async () => {
    // Two instances: one read its clock, then waited for the sale's lock while the other ticked later.
    const opensAt = new Date("2030-02-04T10:00:00Z");
    const sale = await insertTestSale(database.db, { id: "clocks", opensAt, admitPerSecond: 10, lottery: false });
    const join = (n: number) =>
      Promise.all(
        Array.from({ length: n }, () =>
          joinQueue({ db: database.db, now: () => at(opensAt, -10) } as OnsaleDeps, sale.id, "ip"),
        ),
      );
    await join(10);
    await admitTick(database.db, sale.id, opensAt);
    // 15 owed, 10 waiting: all admitted, one admission carried for the next arrival.
    expect((await admitTick(database.db, sale.id, at(opensAt, 1_500))).admitted).toHaveLength(10);
    await join(3);
    const late = await admitTick(database.db, sale.id, at(opensAt, 1_490)); // read 10 ms before the last tick
    expect(late.admitted).toEqual([11]);
    const rows = await database.db
      .select()
      .from(onsaleEntries)
      .where(and(eq(onsaleEntries.saleId, sale.id), isNotNull(onsaleEntries.admittedAt)));
    const byPosition = rows.sort((a, b) => a.position! - b.position!);
    for (let i = 1; i < byPosition.length; i++)
      expect(byPosition[i]!.admittedAt!.getTime()).toBeGreaterThanOrEqual(byPosition[i - 1]!.admittedAt!.getTime());
  });

  it("reports the estimated wait from the rate", async () => {
    const opensAt = new Date("2030-02-02T10:00:00Z");
    const sale = await insertTestSale(database.db, { id: "eta", opensAt, admitPerSecond: 2, lottery: false });
    const deps = { db: database.db, now: () => at(opensAt, 10) } as OnsaleDeps;
    let last;
    for (let i = 0; i < 11; i++) last = await joinQueue(deps, sale.id, "ip");
    expect(last!.status).toMatchObject({ position: 11, ahead: 10, estimatedWaitSeconds: 5 });
  });
});
