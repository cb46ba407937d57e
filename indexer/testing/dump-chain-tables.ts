/**
 * Every chain-mirror table as sorted plain rows: two databases hold the same mirror exactly
 * when their dumps are equal. Sync bookkeeping (cursor, block hashes) is left out: it depends
 * on how the ranges fell, not on the chain.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../db/types";

const TABLES: Record<string, string> = {
  events: "address",
  tiers: "contract, tier",
  tickets: "contract, token_id",
  transfers: "block_number, log_index",
  mints: "block_number, log_index",
  purchases: "block_number, log_index",
  voucher_redemptions: "block_number, log_index",
  refunds: "block_number, log_index",
  listings: "block_number, log_index",
  sales: "block_number, log_index",
  contract_activity: "block_number, log_index",
  waitlist_entries: "block_number, log_index",
  channel_configs: "block_number, log_index",
  identity_deadlines: "block_number, log_index",
};

export async function dumpChainTables(db: DbOrTx): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(TABLES)) {
    const res = (await db.execute(sql.raw(`SELECT * FROM ${table} ORDER BY ${order}`))) as unknown as {
      rows: Record<string, unknown>[];
    };
    // Drivers differ on numeric/int8 types: compare as strings.
    out[table] = res.rows.map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          v === null ? null : typeof v === "object" ? JSON.stringify(v) : String(v),
        ]),
      ),
    );
  }
  return out;
}
