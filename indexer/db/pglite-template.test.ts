/**
 * In-memory databases start from the migrated template's dump: each is a private copy with the
 * whole schema, and the dump is written once beside the folder template.
 */
import { stat } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { IN_MEMORY, openPglite } from "./open-pglite";
import { pgliteTemplatePath } from "./pglite-template";

describe("in-memory PGlite from the template dump", { timeout: 120_000 }, () => {
  it("gives each in-memory database its own migrated copy", async () => {
    const a = await openPglite(IN_MEMORY);
    const b = await openPglite(IN_MEMORY);
    try {
      expect((await stat(`${await pgliteTemplatePath()}.tar`)).size).toBeGreaterThan(1_000_000);
      await a.db.execute(
        sql`INSERT INTO seat_holds (contract, seat_index, holder, created_at, expires_at) VALUES ('0xa', 1, '0xb', now(), now())`,
      );
      const count = async (d: typeof a) =>
        ((await d.db.execute(sql`SELECT count(*)::int AS n FROM seat_holds`)) as unknown as { rows: { n: number }[] })
          .rows[0]!.n;
      expect([await count(a), await count(b)]).toEqual([1, 0]);
      // Migrations are recorded, so opening runs none of them again.
      const applied = (await b.db.execute(
        sql`SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations`,
      )) as unknown as { rows: { n: number }[] };
      expect(applied.rows[0]!.n).toBeGreaterThanOrEqual(1);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
