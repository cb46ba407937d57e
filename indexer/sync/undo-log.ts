/**
 * Reorg undo for the chain mirror, generic: the row triggers of migration 0005 record the image of
 * every row a mirror table's write changes (`mirror_undo`), keyed by the range's last block, while
 * sync applies a range that is not yet final. A rollback puts those images back, newest block
 * first, so a handler's new column or table needs nothing here. Gate, session, hold and on-sale
 * tables carry no trigger: a reorg never touches them.
 *
 * What is final: a range ending at or below `finalBlock` (head − FINALITY_DEPTH) is written
 * unrecorded (a deep backfill pays nothing), and the block hashes below it are forgotten, so no
 * rollback can aim below a range whose writes were not recorded; a chain that diverges deeper is
 * re-indexed from scratch (`clearChainData`).
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/types";

/** Records this transaction's mirror writes as undoable at `block` (the range's last block); until commit. */
export async function recordWritesAt(db: DbOrTx, block: number): Promise<void> {
  await db.execute(sql`SELECT set_config('fairgate.undo_block', ${String(block)}, true)`);
}

/** Undoes every mirror write recorded above `ancestor` and forgets the block hashes above it. */
export async function rollbackAbove(db: DbOrTx, ancestor: number): Promise<void> {
  await db.execute(sql`SELECT mirror_undo_above(${ancestor})`);
  await db.execute(sql`DELETE FROM blocks WHERE number > ${ancestor}`);
}

/** Forgets the whole chain mirror (a reorg deeper than every stored hash, e.g. a restarted dev chain). */
export async function clearChainData(db: DbOrTx): Promise<void> {
  await db.execute(sql`SELECT mirror_clear()`);
  await db.execute(sql`DELETE FROM blocks`);
}

/**
 * Forgets what no rollback can reach any more: the hashes below the newest stored block at or
 * below `finalBlock` (kept as the anchor: a reorg cannot pass it, so it is always a valid common
 * ancestor) and the undo records at or below that anchor.
 */
export async function pruneFinal(db: DbOrTx, finalBlock: number): Promise<void> {
  await db.execute(sql`
    WITH anchor AS (SELECT max(number) AS n FROM blocks WHERE number <= ${finalBlock}),
      gone AS (DELETE FROM blocks WHERE number < (SELECT n FROM anchor))
    DELETE FROM mirror_undo WHERE block_number <= (SELECT n FROM anchor)`);
}
