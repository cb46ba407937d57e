/** Queue state lives in the database: closing and reopening the service loses no place and no admission. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "../../db/open-pglite";
import { insertTestSale } from "../../testing/onsale-sale-row";
import type { OnsaleDeps } from "../onsale-deps";
import { admitTick } from "./admit-tick";
import { findEntry } from "./find-entry";
import { entryStatus } from "./entry-status";
import { joinQueue } from "./join-queue";

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("restart", () => {
  it("keeps positions, admissions and the admission clock across a restart", async () => {
    const dir = await mkdtemp(join(tmpdir(), "onsale-restart-"));
    dirs.push(dir);
    const opensAt = new Date("2030-03-01T10:00:00Z");
    const at = (ms: number) => new Date(opensAt.getTime() + ms);

    let database = await openPglite(dir);
    await insertTestSale(database.db, { id: "restart", opensAt, admitPerSecond: 5 });
    const tokens: string[] = [];
    for (let i = 0; i < 20; i++)
      tokens.push((await joinQueue({ db: database.db, now: () => at(-1_000) } as OnsaleDeps, "restart", "ip")).token);
    await admitTick(database.db, "restart", opensAt);
    await admitTick(database.db, "restart", at(1_000)); // positions 1..5
    const before = await Promise.all(tokens.map(async (t) => (await findEntry(database.db, t)).entry.position));
    await database.close();

    database = await openPglite(dir);
    const after = await Promise.all(tokens.map(async (t) => (await findEntry(database.db, t)).entry.position));
    expect(after).toEqual(before);
    const admittedAfter = await Promise.all(
      tokens.map(async (t) => {
        const { entry, sale } = await findEntry(database.db, t);
        return entryStatus(sale, entry, at(1_100)).state;
      }),
    );
    expect(admittedAfter.filter((s) => s === "admitted").length).toBe(5);
    // Admission resumes where it stopped (positions 6..10), not from the start and not twice.
    const next = await admitTick(database.db, "restart", at(2_000));
    expect(next.admitted).toEqual([6, 7, 8, 9, 10]);
    await database.close();
  });
});
