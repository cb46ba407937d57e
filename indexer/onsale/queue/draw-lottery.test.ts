/** The lottery: uniform shuffle, and a bot farm that arrives early and first gains no edge. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { IN_MEMORY, openPglite } from "../../db/open-pglite";
import { onsaleEntries } from "../../db/schema";
import type { Database } from "../../db/types";
import { insertTestSale, seededRandomInt } from "../../testing/onsale-sale-row";
import type { OnsaleDeps } from "../onsale-deps";
import { admitTick } from "./admit-tick";
import { shuffle } from "./draw-lottery";
import { joinQueue } from "./join-queue";

let database: Database;
beforeAll(async () => {
  database = await openPglite(IN_MEMORY);
});
afterAll(async () => database.close());

function depsAt(now: Date, seed = 7): OnsaleDeps {
  return { db: database.db, now: () => now, randomInt: seededRandomInt(seed) } as OnsaleDeps;
}

describe("shuffle", () => {
  it("puts every item in every place equally often (20,000 shuffles of 4, within 5 sigma)", () => {
    const rnd = seededRandomInt(42);
    const counts = Array.from({ length: 4 }, () => [0, 0, 0, 0]);
    for (let i = 0; i < 20_000; i++) shuffle([0, 1, 2, 3], rnd).forEach((item, place) => counts[item]![place]!++);
    const sigma = Math.sqrt(20_000 * 0.25 * 0.75);
    for (const row of counts) for (const c of row) expect(Math.abs(c - 5_000)).toBeLessThan(5 * sigma);
  });
});

describe("on-sale lottery", () => {
  it("gives a 1,000-entry bot farm that joined first no edge over 200 fans who joined later", async () => {
    const opensAt = new Date("2030-01-01T10:00:00Z");
    const sale = await insertTestSale(database.db, { id: "lottery", opensAt, lottery: true });
    const before = new Date(opensAt.getTime() - 60_000);
    const bots: string[] = [];
    const fans: string[] = [];
    for (let i = 0; i < 1_000; i++) bots.push((await joinQueue(depsAt(before), sale.id, "bot")).token);
    for (let i = 0; i < 200; i++)
      fans.push((await joinQueue(depsAt(new Date(before.getTime() + 30_000)), sale.id, "fan")).token);
    // Someone joining after the on-sale time triggers the draw and goes to the back.
    const late = await joinQueue(depsAt(new Date(opensAt.getTime() + 1)), sale.id, "late");
    expect(late.status.position).toBe(1_201);

    const rows = await database.db.select().from(onsaleEntries).where(eq(onsaleEntries.saleId, sale.id));
    const positions = rows.filter((r) => r.early).map((r) => r.position!);
    expect(new Set(positions).size).toBe(1_200);
    expect(Math.min(...positions)).toBe(1);
    expect(Math.max(...positions)).toBe(1_200);

    const fanPositions = rows.filter((r) => r.ipHash === "fan").map((r) => r.position!);
    const meanFan = fanPositions.reduce((a, b) => a + b, 0) / fanPositions.length;
    // Uniform draw: fans' mean position ≈ 600.5; its sd ≈ 22 (sampling 200 of 1,200 without replacement).
    // Under first-come it would be 1,100.5.
    expect(Math.abs(meanFan - 600.5)).toBeLessThan(5 * 22.4);
    const fansInFirst100 = fanPositions.filter((p) => p <= 100).length;
    expect(fansInFirst100).toBeGreaterThanOrEqual(5); // expected 16.7, sd 3.7; first-come gives 0
  });

  it("without the lottery (rule set 'none'), early arrivals keep first-come order", async () => {
    const opensAt = new Date("2030-01-02T10:00:00Z");
    const sale = await insertTestSale(database.db, { id: "fifo", opensAt, lottery: false });
    const positions: (number | null)[] = [];
    for (let i = 0; i < 5; i++)
      positions.push((await joinQueue(depsAt(new Date(opensAt.getTime() - 5_000 + i)), sale.id, "x")).status.position);
    expect(positions).toEqual([1, 2, 3, 4, 5]);
    await admitTick(database.db, sale.id, new Date(opensAt.getTime() + 200));
    expect((await joinQueue(depsAt(new Date(opensAt.getTime() + 300)), sale.id, "x")).status.position).toBe(6);
  });
});
