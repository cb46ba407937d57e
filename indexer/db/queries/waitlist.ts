/** Waitlist queues of one event: open length per tier, and one wallet's open entries with positions. */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../types";
import { rows } from "./rows";

export type QueueLengthRow = { tier: number; face_value: string; length: number | string };
export type WaitlistEntryRow = {
  tier: number;
  seq: number | string;
  deposit: string;
  block_number: number | string;
  tx_hash: string;
  position: number | string;
};

/** Every tier of the event with its open queue length (0 when nobody waits). */
export function queueLengths(db: DbOrTx, contract: string): Promise<QueueLengthRow[]> {
  return rows<QueueLengthRow>(
    db,
    sql`SELECT t.tier, t.face_value,
          (SELECT count(*) FROM waitlist_entries w
           WHERE w.contract = t.contract AND w.tier = t.tier AND w.closed_block IS NULL) AS length
        FROM tiers t WHERE t.contract = ${contract.toLowerCase()} ORDER BY t.tier`,
  );
}

/** `wallet`'s open entries in the event's queues; position is its 1-based rank by join order. */
export function walletEntries(db: DbOrTx, contract: string, wallet: string): Promise<WaitlistEntryRow[]> {
  return rows<WaitlistEntryRow>(
    db,
    sql`SELECT tier, seq, deposit, block_number, tx_hash, position FROM (
          SELECT tier, wallet, seq, deposit, block_number, tx_hash,
                 row_number() OVER (PARTITION BY tier ORDER BY seq) AS position
          FROM waitlist_entries
          WHERE contract = ${contract.toLowerCase()} AND closed_block IS NULL
        ) q WHERE wallet = ${wallet.toLowerCase()} ORDER BY tier`,
  );
}
