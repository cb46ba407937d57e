import { afterEach, describe, expect, it } from "vitest";
import { IN_MEMORY, openPglite } from "./open-pglite";
import { DEFAULT_PGLITE_SHARED_BUFFERS_MB } from "./pglite-options";
import type { Database } from "./types";
import { sql } from "drizzle-orm";

// shared_buffers is held in PGlite's WebAssembly heap from start-up and never returned: the largest
// fixed part of the indexer's RSS that a setting controls (indexer/README.md, "Memory").
describe("PGlite shared_buffers", () => {
  let database: Database | undefined;
  afterEach(async () => {
    await database?.close();
    database = undefined;
  });

  const sharedBuffers = async (d: Database) =>
    ((await d.db.execute(sql`SELECT current_setting('shared_buffers') AS v`)) as unknown as { rows: { v: string }[] })
      .rows[0]!.v;

  it("starts with the small default, not Postgres's 128 MB", async () => {
    database = await openPglite(IN_MEMORY);
    expect(DEFAULT_PGLITE_SHARED_BUFFERS_MB).toBeLessThanOrEqual(8);
    expect(await sharedBuffers(database)).toBe(`${DEFAULT_PGLITE_SHARED_BUFFERS_MB}MB`);
  });

  it("takes the configured size", async () => {
    database = await openPglite(IN_MEMORY, { sharedBuffersMb: 16 });
    expect(await sharedBuffers(database)).toBe("16MB");
  });
});
