/** One event with its rules, tiers and live counts (minted, sold, resold, checked in, no-shows). */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../types";
import { rows } from "./rows";

export type EventRow = {
  address: string;
  event_id: string;
  organizer: string;
  name: string;
  start_time: string;
  end_time: string | null;
  lock_window: number | null;
  max_per_wallet: number | null;
  max_per_identity: number | null;
  royalty_bps: number | null;
  tier_count: number | null;
  currency: string | null;
  currency_symbol: string | null;
  currency_decimals: number | null;
  cancelled_at: string | null;
  created_block: number | string;
  created_tx: string;
};

export type TierCountsRow = {
  tier: number;
  face_value: string;
  supply: number;
  zones: number;
  mode: number;
  resale_cap_bps: number;
  voucher_only: boolean;
  reserved: boolean;
  minted: number | string;
  checked_in: number | string;
  sold: number | string;
  resold: number | string;
  refunded: number | string;
  attended: number | string;
  absent: number | string;
};

export type EventCountsRow = {
  minted: number | string;
  sold: number | string | null;
  resold: number | string;
  checked_in_on_chain: number | string;
  admitted_at_gate: number | string;
  attended: number | string;
  refunded: number | string;
  open_listings: number | string;
  holders: number | string;
};

export async function eventByAddress(db: DbOrTx, address: string): Promise<EventRow | null> {
  const [row] = await rows<EventRow>(db, sql`SELECT * FROM events WHERE address = ${address.toLowerCase()}`);
  return row ?? null;
}

export async function eventTiers(db: DbOrTx, address: string): Promise<TierCountsRow[]> {
  return rows<TierCountsRow>(
    db,
    sql`SELECT t.tier, t.face_value, t.supply, t.zones, t.mode, t.resale_cap_bps, t.voucher_only, t.reserved,
          count(k.token_id) AS minted, count(k.checked_in_block) AS checked_in,
          count(k.token_id) FILTER (WHERE k.paid) AS sold,
          count(k.refunded_block) AS refunded,
          count(k.token_id) FILTER (WHERE k.checked_in_block IS NOT NULL OR EXISTS (SELECT 1 FROM check_ins c WHERE c.contract = k.contract AND c.token_id = k.token_id)) AS attended,
          count(k.token_id) FILTER (WHERE k.refunded_block IS NULL AND k.checked_in_block IS NULL
            AND NOT EXISTS (SELECT 1 FROM check_ins c WHERE c.contract = k.contract AND c.token_id = k.token_id)) AS absent,
          (SELECT count(*) FROM sales s JOIN tickets r ON r.contract = s.contract AND r.token_id = s.token_id
             WHERE s.contract = t.contract AND r.tier = t.tier) AS resold
        FROM tiers t LEFT JOIN tickets k ON k.contract = t.contract AND k.tier = t.tier
        WHERE t.contract = ${address.toLowerCase()}
        GROUP BY t.contract, t.tier ORDER BY t.tier`,
  );
}

export async function eventCounts(db: DbOrTx, address: string): Promise<EventCountsRow> {
  const a = address.toLowerCase();
  const [row] = await rows<EventCountsRow>(
    db,
    sql`SELECT
          (SELECT count(*) FROM tickets WHERE contract = ${a}) AS minted,
          (SELECT coalesce(sum(count), 0) FROM purchases WHERE contract = ${a}) AS sold,
          (SELECT count(*) FROM sales WHERE contract = ${a}) AS resold,
          (SELECT count(*) FROM tickets WHERE contract = ${a} AND checked_in_block IS NOT NULL) AS checked_in_on_chain,
          (SELECT count(*) FROM check_ins WHERE contract = ${a}) AS admitted_at_gate,
          (SELECT count(*) FROM tickets k WHERE k.contract = ${a} AND (k.checked_in_block IS NOT NULL
             OR EXISTS (SELECT 1 FROM check_ins c WHERE c.contract = k.contract AND c.token_id = k.token_id))) AS attended,
          (SELECT count(*) FROM tickets WHERE contract = ${a} AND refunded_block IS NOT NULL) AS refunded,
          (SELECT count(*) FROM listings WHERE contract = ${a} AND closed_block IS NULL) AS open_listings,
          (SELECT count(DISTINCT owner) FROM tickets WHERE contract = ${a}) AS holders`,
  );
  return row!;
}
