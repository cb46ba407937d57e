/**
 * The generic reorg undo (undo-log.ts, migration 0005) on PGlite and PostgreSQL: recorded writes
 * above the ancestor are put back whatever column or table they touched, final writes and gate
 * tables are left alone, and the log is pruned with the block hashes.
 */
import { getTableConfig } from "drizzle-orm/pg-core";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as chainTables from "../db/tables/chain";
import * as waitlistTables from "../db/tables/waitlist";
import { blocks, checkIns, identityDeadlines, tickets, transfers, voucherRedemptions } from "../db/schema";
import type { Database, DbOrTx } from "../db/types";
import { dumpChainTables } from "../testing/dump-chain-tables";
import { resetDatabase, testDatabases } from "../testing/test-databases";
import { clearChainData, pruneFinal, recordWritesAt, rollbackAbove } from "./undo-log";

const C = "0x00000000000000000000000000000000000000c1";
const HOLDER = "0x00000000000000000000000000000000000000a1";
const OTHER = "0x00000000000000000000000000000000000000a2";
const VOUCHER = `0x${"11".repeat(32)}`;
const BOUND = `0x${"22".repeat(32)}`;
const tx = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;
const kinds = testDatabases();

type Row = Record<string, unknown>;
const rowsOf = async (db: DbOrTx, query: string): Promise<Row[]> =>
  ((await db.execute(sql.raw(query))) as unknown as { rows: Row[] }).rows;

describe.each(kinds)("reorg undo log on $name", { timeout: 120_000 }, (kind) => {
  let database: Database;
  /** What sync does for a range ending at `block`: one transaction, recorded unless final. */
  const range = (block: number, write: (db: DbOrTx) => Promise<unknown>, final = false) =>
    database.db.transaction(async (t) => {
      if (!final) await recordWritesAt(t, block);
      await write(t);
      await t.insert(blocks).values({ number: block, hash: tx(block), parentHash: tx(block - 1) });
    });
  const ticket = (tokenId: bigint, identityCommitment: string | null) => ({
    contract: C,
    tokenId,
    owner: HOLDER,
    mintedBlock: 10,
    updatedBlock: 10,
    updatedLogIndex: Number(tokenId),
    tier: 0,
    channel: 1,
    identityCommitment,
  });
  const mintAt10 = async (db: DbOrTx) => {
    await db.insert(tickets).values([ticket(1n, VOUCHER), ticket(2n, VOUCHER), ticket(3n, null), ticket(4n, null)]);
    await db.insert(voucherRedemptions).values({
      blockNumber: 10,
      logIndex: 0,
      contract: C,
      nonce: tx(1),
      identityCommitment: VOUCHER,
      to: HOLDER,
      firstTokenId: 1n,
      quantity: 2,
      txHash: tx(10),
    });
  };
  const transferAt = (block: number, tokenId: bigint, to: string) => async (db: DbOrTx) => {
    await db.insert(transfers).values({
      blockNumber: block,
      logIndex: 0,
      contract: C,
      tokenId,
      from: HOLDER,
      to,
      txHash: tx(block),
    });
    await db
      .update(tickets)
      .set({ owner: to, updatedBlock: block, updatedLogIndex: 0 })
      .where(eq(tickets.tokenId, tokenId));
  };
  const bindAt = (block: number, tokenId: bigint) => (db: DbOrTx) =>
    db.update(tickets).set({ identityCommitment: BOUND, boundBlock: block }).where(eq(tickets.tokenId, tokenId));

  beforeAll(async () => {
    if (kind.skip) return;
    database = await kind.open();
  });
  afterAll(async () => {
    await database?.close();
    await kind.shutdown();
  });

  it.skipIf(kind.skip)("undoes bindings, transfers and rows above the ancestor only", async () => {
    await resetDatabase(database.db);
    await range(10, mintAt10, true);
    await range(12, bindAt(12, 4n));
    await range(25, (db) =>
      db
        .insert(identityDeadlines)
        .values({ blockNumber: 25, logIndex: 0, contract: C, tier: 0, secondsBeforeStart: 0, txHash: tx(25) }),
    );
    await range(30, async (db) => {
      await bindAt(30, 2n)(db);
      await bindAt(30, 3n)(db);
      await transferAt(30, 1n, OTHER)(db);
    });
    await range(31, transferAt(31, 1n, HOLDER));

    await database.db.transaction((t) => rollbackAbove(t, 20));
    const rows = await database.db
      .select({ id: tickets.tokenId, c: tickets.identityCommitment, b: tickets.boundBlock, owner: tickets.owner })
      .from(tickets)
      .orderBy(tickets.tokenId);
    expect(rows).toEqual([
      { id: 1n, c: VOUCHER, b: null, owner: HOLDER },
      { id: 2n, c: VOUCHER, b: null, owner: HOLDER },
      { id: 3n, c: null, b: null, owner: HOLDER },
      { id: 4n, c: BOUND, b: 12, owner: HOLDER },
    ]);
    expect(await database.db.select().from(transfers)).toEqual([]);
    expect(await database.db.select().from(identityDeadlines)).toEqual([]);
    expect((await database.db.select().from(blocks)).map((b) => b.number).sort()).toEqual([10, 12]);
    expect(await rowsOf(database.db, "SELECT block_number FROM mirror_undo ORDER BY id")).toEqual([
      { block_number: 12 },
      { block_number: 12 },
    ]);
  });

  it.skipIf(kind.skip)(
    "undoes a column and a table that a new handler writes, with no change to the undo code",
    async () => {
      await resetDatabase(database.db);
      // A handler added later: a new column on a mirror table, and a new mirror table (one line in its migration).
      await database.db.execute(sql`ALTER TABLE tickets ADD COLUMN IF NOT EXISTS test_note text`);
      await database.db.execute(
        sql`CREATE TABLE test_mirror (contract text NOT NULL, n int NOT NULL, v text, PRIMARY KEY (contract, n))`,
      );
      await database.db.execute(sql`SELECT mirror_undo_track('test_mirror')`);
      try {
        const note = (block: number, text: string) => async (db: DbOrTx) => {
          await db.execute(sql`UPDATE tickets SET test_note = ${text} WHERE token_id = 1`);
          await db.execute(
            sql`INSERT INTO test_mirror VALUES (${C}, 1, ${text}), (${C}, ${block}, ${text})
            ON CONFLICT (contract, n) DO UPDATE SET v = excluded.v`,
          );
        };
        await range(10, mintAt10, true);
        await range(15, note(15, "before the fork"));
        const before = await dumpChainTables(database.db);
        const testRows = async () => rowsOf(database.db, "SELECT n, v FROM test_mirror ORDER BY n");
        const kept = await testRows();
        await range(30, note(30, "on the lost branch"));
        await range(31, (db) => db.execute(sql`DELETE FROM test_mirror WHERE n = 15`));
        expect(await testRows()).toEqual([
          { n: 1, v: "on the lost branch" },
          { n: 30, v: "on the lost branch" },
        ]);

        await database.db.transaction((t) => rollbackAbove(t, 20));
        expect(await testRows()).toEqual(kept);
        expect(await dumpChainTables(database.db)).toEqual(before);
        expect(await rowsOf(database.db, "SELECT test_note FROM tickets WHERE token_id = 1")).toEqual([
          { test_note: "before the fork" },
        ]);

        await database.db.transaction((t) => clearChainData(t));
        expect(await testRows()).toEqual([]);
        expect(await database.db.select().from(tickets)).toEqual([]);
      } finally {
        await database.db.execute(sql`DROP TABLE test_mirror`);
        await database.db.execute(sql`ALTER TABLE tickets DROP COLUMN test_note`);
      }
    },
  );

  it.skipIf(kind.skip)("refuses to track a table whose rows have no key", async () => {
    await database.db.execute(sql`CREATE TABLE test_keyless (v text)`);
    try {
      const refused = await database.db.execute(sql`SELECT mirror_undo_track('test_keyless')`).catch((e: Error) => e);
      // Drizzle wraps the database's error: its words are in the cause.
      expect(String((refused as Error).cause)).toMatch(/test_keyless needs a primary key or a unique index/);
    } finally {
      await database.db.execute(sql`DROP TABLE test_keyless`);
    }
  });

  it.skipIf(kind.skip)(
    "leaves final writes and the gate's tables alone, and prunes the log with the hashes",
    async () => {
      await resetDatabase(database.db);
      await range(10, mintAt10, true);
      await range(20, async (db) => {
        await transferAt(20, 1n, OTHER)(db);
        // Not a mirror table: a door admission stays whatever the chain does.
        await db
          .insert(checkIns)
          .values({ contract: C, tokenId: 2n, holder: HOLDER, gateId: "north", checkedInAt: new Date() });
      });
      await range(30, transferAt(30, 2n, OTHER));
      expect(await rowsOf(database.db, "SELECT DISTINCT table_name FROM mirror_undo ORDER BY 1")).toEqual([
        { table_name: "tickets" },
        { table_name: "transfers" },
      ]);

      // Head 50, depth 25: block 20 is the newest final hash; the log and the hashes below it go.
      await database.db.transaction((t) => pruneFinal(t, 25));
      expect((await database.db.select().from(blocks)).map((b) => b.number).sort()).toEqual([20, 30]);
      expect(await rowsOf(database.db, "SELECT DISTINCT block_number FROM mirror_undo")).toEqual([
        { block_number: 30 },
      ]);

      await database.db.transaction((t) => rollbackAbove(t, 20));
      const owners = await database.db
        .select({ id: tickets.tokenId, owner: tickets.owner })
        .from(tickets)
        .orderBy(tickets.tokenId);
      expect(owners.slice(0, 2)).toEqual([
        { id: 1n, owner: OTHER },
        { id: 2n, owner: HOLDER },
      ]);
      expect(await database.db.select({ id: checkIns.tokenId }).from(checkIns)).toEqual([{ id: 2n }]);
      await database.db.transaction((t) => clearChainData(t));
      expect(await database.db.select({ id: checkIns.tokenId }).from(checkIns)).toEqual([{ id: 2n }]);
    },
  );

  it.skipIf(kind.skip)("tracks exactly the chain mirror tables", async () => {
    const mirror = [...Object.values(chainTables), ...Object.values(waitlistTables)]
      .map((t) => getTableConfig(t).name)
      .filter((name) => name !== "sync_cursor" && name !== "blocks")
      .sort();
    const tracked = await rowsOf(
      database.db,
      "SELECT tgrelid::regclass::text AS name FROM pg_trigger WHERE tgname = 'mirror_undo' ORDER BY 1",
    );
    expect(tracked.map((r) => r.name)).toEqual(mirror);
  });
});
