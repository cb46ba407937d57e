/**
 * Undoes every chain-mirror row written above `ancestor`, so that re-syncing from there gives
 * exactly what a fresh sync of the new chain gives. Append-only tables lose their rows above
 * the ancestor; columns set by later logs are cleared; owners are recomputed from the
 * transfers that remain. Gate tables (door admissions) are never touched.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/types";

const ZERO_COMMITMENT = `0x${"0".repeat(64)}`;

const APPEND_ONLY = [
  "transfers",
  "mints",
  "purchases",
  "voucher_redemptions",
  "refunds",
  "listings",
  "sales",
  "contract_activity",
  "tiers",
  "waitlist_entries",
  "channel_configs",
  "identity_deadlines",
] as const;

export async function rollbackAbove(db: DbOrTx, ancestor: number): Promise<void> {
  for (const table of APPEND_ONLY) {
    await db.execute(sql`DELETE FROM ${sql.identifier(table)} WHERE block_number > ${ancestor}`);
  }
  await db.execute(sql`DELETE FROM events WHERE created_block > ${ancestor}`);
  await db.execute(
    sql`UPDATE events SET cancelled_at = NULL, cancelled_block = NULL WHERE cancelled_block > ${ancestor}`,
  );
  await db.execute(
    sql`UPDATE listings SET closed_block = NULL, closed_log_index = NULL, closed_reason = NULL WHERE closed_block > ${ancestor}`,
  );
  await db.execute(
    sql`UPDATE waitlist_entries SET closed_block = NULL, closed_log_index = NULL, closed_reason = NULL, served_token_id = NULL, returned_by = NULL WHERE closed_block > ${ancestor}`,
  );
  await db.execute(sql`DELETE FROM tickets WHERE minted_block > ${ancestor}`);
  await db.execute(
    sql`UPDATE tickets SET checked_in_block = NULL, checked_in_gate = NULL, checked_in_tx = NULL WHERE checked_in_block > ${ancestor}`,
  );
  await db.execute(sql`UPDATE tickets SET refunded_block = NULL WHERE refunded_block > ${ancestor}`);
  // An undone binding gives the ticket back its voucher commitment (if it had one).
  await db.execute(sql`
    UPDATE tickets t SET bound_block = NULL, identity_commitment = (
      SELECT v.identity_commitment FROM voucher_redemptions v
      WHERE v.contract = t.contract AND t.token_id >= v.first_token_id AND t.token_id < v.first_token_id + v.quantity
        AND v.identity_commitment <> ${ZERO_COMMITMENT} LIMIT 1)
    WHERE t.bound_block > ${ancestor}`);
  // The owner is whoever the last surviving transfer went to (a minted ticket has at least its mint).
  await db.execute(sql`
    UPDATE tickets t SET (owner, updated_block, updated_log_index) = (
      SELECT tr."to", tr.block_number, tr.log_index FROM transfers tr
      WHERE tr.contract = t.contract AND tr.token_id = t.token_id
      ORDER BY tr.block_number DESC, tr.log_index DESC LIMIT 1)
    WHERE t.updated_block > ${ancestor}`);
  await db.execute(sql`DELETE FROM blocks WHERE number > ${ancestor}`);
}

/** Forgets the whole chain mirror (a reorg deeper than every stored hash, e.g. a restarted dev chain). */
export async function clearChainData(db: DbOrTx): Promise<void> {
  await rollbackAbove(db, -1);
  await db.execute(sql`DELETE FROM blocks`);
}
