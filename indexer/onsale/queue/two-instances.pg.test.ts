/**
 * Two service instances on one real PostgreSQL server: both take joins and both run the admission
 * loop. Positions stay dense and unique, no position is admitted twice, admission keeps position
 * order, and the combined rate is the sale's rate. Each instance opens the database
 * the way the indexer does (DATABASE_URL → db/open-database.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asc, eq } from "drizzle-orm";
import { postgresSkipReason, startPostgres, type PostgresServer } from "../../../test/helpers/postgres-server";
import { onsaleEntries, onsaleSales } from "../../db/schema";
import type { Database } from "../../db/types";
import { openDatabase } from "../../db/open-database";
import { insertTestSale } from "../../testing/onsale-sale-row";
import type { OnsaleDeps } from "../onsale-deps";
import { startAdmissionLoop } from "./admission-loop";
import { joinQueue } from "./join-queue";

if (postgresSkipReason) console.warn(`\n*** SKIPPED two-instance PostgreSQL test: ${postgresSkipReason} ***\n`);

describe.skipIf(postgresSkipReason)("two instances on one PostgreSQL", () => {
  let server: PostgresServer;
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    server = await startPostgres();
    a = await openDatabase({ databaseUrl: server.url, dataDir: "unused", poolSize: 10 });
    b = await openDatabase({ databaseUrl: server.url, dataDir: "unused", poolSize: 10 });
  }, 120_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    server?.stop();
  });

  it("serve one fair queue: unique positions, each admitted once, in order, at the sale's rate", async () => {
    const rate = 100;
    let opensAt = new Date(Date.now() + 3_600_000);
    await insertTestSale(a.db, { id: "shared", opensAt, admitPerSecond: rate });
    const deps = (db: Database, now: () => Date) => ({ db: db.db, now }) as OnsaleDeps;
    const joinMany = async (db: Database, n: number, tag: string, now = () => new Date()) => {
      const out: number[][] = [];
      for (let i = 0; i < n; i += 10) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(10, n - i) }, () => joinQueue(deps(db, now), "shared", tag)),
        );
        out.push(batch.map((r) => r.status.position ?? -1));
      }
      return out;
    };
    // Early joins on both instances at once, then both run admission while more fans join.
    const beforeOpen = () => new Date(opensAt.getTime() - 1_000);
    await Promise.all([joinMany(a, 150, "a", beforeOpen), joinMany(b, 150, "b", beforeOpen)]);
    // The organizer moves the on-sale time to "now": the loops draw and start admitting.
    opensAt = new Date(Date.now() + 300);
    await a.db.update(onsaleSales).set({ opensAt }).where(eq(onsaleSales.id, "shared"));
    const loops = [a, b].map((db) => startAdmissionLoop({ db: db.db, intervalMs: 20, now: () => new Date() }));
    await new Promise((r) => setTimeout(r, opensAt.getTime() - Date.now() + 50));
    const late = await Promise.all([joinMany(a, 100, "a"), joinMany(b, 100, "b")]);
    const started = Date.now();
    let rows: (typeof onsaleEntries.$inferSelect)[] = [];
    for (let i = 0; i < 300; i++) {
      rows = await a.db
        .select()
        .from(onsaleEntries)
        .where(eq(onsaleEntries.saleId, "shared"))
        .orderBy(asc(onsaleEntries.position));
      if (rows.every((r) => r.admittedAt)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const elapsed = (Date.now() - started) / 1000;
    await Promise.all(loops.map((l) => l.stop()));

    expect(rows.length).toBe(500);
    expect(rows.map((r) => r.position)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(rows.every((r) => r.admittedAt)).toBe(true);
    // Early entries hold 1..300 (lottery), late ones 301..500 in join order per instance.
    expect(rows.slice(0, 300).every((r) => r.early)).toBe(true);
    expect(late.flat(2).every((p) => p > 300)).toBe(true);
    // First come, first served after the draw: each instance's later batch stands behind its earlier one.
    for (const batches of late)
      for (let i = 1; i < batches.length; i++)
        expect(Math.min(...batches[i]!)).toBeGreaterThan(Math.max(...batches[i - 1]!));
    // Admission order follows position order.
    for (let i = 1; i < rows.length; i++)
      expect(rows[i]!.admittedAt!.getTime()).toBeGreaterThanOrEqual(rows[i - 1]!.admittedAt!.getTime());
    // Both instances' loops together still respect the rate (500 at 100/s, minus one burst).
    const span = (rows.at(-1)!.admittedAt!.getTime() - rows[0]!.admittedAt!.getTime()) / 1000;
    expect(span).toBeGreaterThanOrEqual((500 - 2 * rate) / rate - 0.1);
    expect(elapsed).toBeLessThan(15);
  });
});
