/**
 * The hot path's prepared statements on both drivers: text columns in order, nulls kept, errors
 * surfaced without breaking the session, never inside another caller's open transaction, and
 * re-prepared when the session lost the statement.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./types";
import { testDatabases } from "../testing/test-databases";
import { pgArray, preparedStatement as prepare, type StatementPath } from "./prepared-statement";
import { installedPgliteVersion, PGLITE_WIRE_VERSION, pgliteWireSupported } from "./pglite-wire-statement";

describe("the PGlite wire path's pin", () => {
  it(`runs on PGlite ${PGLITE_WIRE_VERSION} only, the version whose internals it was verified against`, () => {
    // Failing here means PGlite moved: the gate silently fell back to the public API (correct, ~2× slower).
    // Re-run this file and `npm run bench:gate` on the new version, then bump PGLITE_WIRE_VERSION and package.json.
    expect(installedPgliteVersion()).toBe(PGLITE_WIRE_VERSION);
  });
});

const cases = testDatabases().flatMap((kind) =>
  (["public-api", "fast"] as StatementPath[]).map((path) => ({ ...kind, path, label: `${kind.name}, ${path}` })),
);

describe.each(cases)("prepared statement on $label", { timeout: 120_000 }, (kind) => {
  if (kind.skip) console.warn(`⚠ prepared statement on ${kind.label} SKIPPED: ${kind.skip}`);
  const preparedStatement = (db: Database["db"], name: string, text: string) =>
    prepare(db, `${name}_${kind.path === "fast" ? "f" : "p"}`, text, kind.path);
  let database: Database;
  beforeAll(async () => {
    if (kind.skip) return;
    database = await kind.open();
    await database.db.execute(sql`CREATE TABLE prep_t (id int PRIMARY KEY, note text)`);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await kind.shutdown();
  });

  if (kind.name === "pglite")
    it.skipIf(kind.skip)("takes the wire path only when asked for the fast one", () => {
      const client = (database.db as unknown as { $client: unknown }).$client;
      expect(pgliteWireSupported(client)).toBe(installedPgliteVersion() === PGLITE_WIRE_VERSION);
    });

  it.skipIf(kind.skip)(
    "answers every column as text in the statement's order, nulls as null, any row count",
    async () => {
      const echo = preparedStatement(
        database.db,
        "prep_echo",
        "SELECT x, x * 2 AS twice, (x % 2 = 0) AS even, NULL::text AS nothing, $2::text AS tag FROM unnest($1::int[]) AS x",
      );
      expect(await echo([pgArray([1, 2, 3]), "a'b\"c\\d é"])).toEqual([
        ["1", "2", "f", null, "a'b\"c\\d é"],
        ["2", "4", "t", null, "a'b\"c\\d é"],
        ["3", "6", "f", null, "a'b\"c\\d é"],
      ]);
      expect(await echo([pgArray([]), null])).toEqual([]);
    },
  );

  it.skipIf(kind.skip)("pgArray carries any text through an array parameter unchanged, and null as NULL", async () => {
    const items = preparedStatement(
      database.db,
      "prep_items",
      "SELECT x FROM unnest($1::text[]) WITH ORDINALITY AS t(x, n) ORDER BY n",
    );
    const hostile = ['a"b', "c\\d", "{e,f}", "NULL", "", " spaced ", "'; DROP TABLE prep_t; --", "é ✓"];
    expect(await items([pgArray([...hostile, null])])).toEqual([...hostile.map((h) => [h]), [null]]);
  });

  it.skipIf(kind.skip)("a failing call rejects with the database's error and the next call works", async () => {
    const divide = preparedStatement(database.db, "prep_divide", "SELECT 10 / $1::int");
    await expect(divide(["0"])).rejects.toMatchObject({ code: "22012" }); // division_by_zero
    await expect(divide(["abc"])).rejects.toMatchObject({ code: "22P02" }); // invalid text for int
    expect(await divide(["5"])).toEqual([["2"]]);
  });

  it.skipIf(kind.skip)("two callers may share a name for one statement, never for two", async () => {
    const a = preparedStatement(database.db, "prep_shared", "SELECT $1::int + 1");
    const b = preparedStatement(database.db, "prep_shared", "SELECT $1::int + 1");
    expect(await a(["1"])).toEqual([["2"]]);
    expect(await b(["2"])).toEqual([["3"]]);
    if (kind.name === "pglite" && kind.path === "fast")
      expect(() => preparedStatement(database.db, "prep_shared", "SELECT 2")).toThrow(/another statement/);
  });

  // PGlite only (its one session): node-postgres keeps its own per-connection list of what it prepared, and nothing here deallocates.
  if (kind.name === "pglite" && kind.path === "fast")
    it.skipIf(kind.skip)("is re-prepared when the session lost it", async () => {
      const one = preparedStatement(database.db, "prep_lost", "SELECT $1::int");
      expect(await one(["7"])).toEqual([["7"]]);
      await database.db.execute(sql`DEALLOCATE ALL`);
      for (let i = 0; i < 8; i++) expect(await one([String(i)])).toEqual([[String(i)]]);
    });

  it.skipIf(kind.skip)("waits for another caller's open transaction instead of running inside it", async () => {
    const countRows = preparedStatement(database.db, "prep_count", "SELECT count(*) FROM prep_t");
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const didInsert = new Promise<void>((r) => (inserted = r));
    const tx = database.db.transaction(async (t) => {
      await t.execute(sql`INSERT INTO prep_t VALUES (1, 'uncommitted')`);
      inserted();
      await held;
      throw new Error("roll back");
    });
    await didInsert;
    const counted = countRows([]);
    let settled = false;
    void counted.then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    // PGlite has one session: the call must queue behind the transaction; PostgreSQL's own isolation hides the row.
    if (kind.name === "pglite") expect(settled).toBe(false);
    release();
    await expect(tx).rejects.toThrow("roll back");
    expect(await counted).toEqual([["0"]]);
  });

  it.skipIf(kind.skip)("after the database is closed, a call rejects instead of running", async () => {
    const other = await kind.open();
    const one = preparedStatement(other.db, "prep_closed", "SELECT 1");
    expect(await one([])).toEqual([["1"]]);
    await other.close();
    await expect(one([])).rejects.toThrow();
  });
});
