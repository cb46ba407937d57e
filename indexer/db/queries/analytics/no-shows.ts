/**
 * Attendance per tier. A ticket attended when it was checked in on chain or admitted at a gate
 * of this indexer; a refunded ticket (cancelled event) counts as neither attended nor a no-show.
 * no_show_rate = no-shows / (minted − refunded), four decimals; null when nothing is left to count.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../types";
import { rows } from "../rows";

export type NoShowRow = {
  /** null on the last row: the event's total. */
  tier: number | null;
  supply: number;
  minted: number | string;
  refunded: number | string;
  attended: number | string;
  no_shows: number | string;
  no_show_rate: number | string | null;
};

/** @example const rows = await noShowsPerTier(db, contract); // one row per tier in tier order, then the total (tier null) */
export async function noShowsPerTier(db: DbOrTx, contract: string): Promise<NoShowRow[]> {
  return rows<NoShowRow>(
    db,
    sql`WITH per_ticket AS (
          SELECT t.tier, t.supply, k.token_id, k.refunded_block IS NOT NULL AS refunded,
            (k.checked_in_block IS NOT NULL OR c.token_id IS NOT NULL) AS attended
          FROM tiers t
          LEFT JOIN tickets k ON k.contract = t.contract AND k.tier = t.tier
          LEFT JOIN check_ins c ON c.contract = k.contract AND c.token_id = k.token_id
          WHERE t.contract = ${contract.toLowerCase()}
        ), counts AS (
          SELECT tier, supply, count(token_id) AS minted,
            count(token_id) FILTER (WHERE refunded) AS refunded,
            count(token_id) FILTER (WHERE NOT refunded AND attended) AS attended,
            count(token_id) FILTER (WHERE NOT refunded AND NOT attended) AS no_shows
          FROM per_ticket GROUP BY tier, supply
        ), with_total AS (
          SELECT tier, supply, minted, refunded, attended, no_shows FROM counts
          UNION ALL
          SELECT NULL, coalesce(sum(supply), 0), coalesce(sum(minted), 0), coalesce(sum(refunded), 0),
            coalesce(sum(attended), 0), coalesce(sum(no_shows), 0) FROM counts
        )
        SELECT tier, supply, minted, refunded, attended, no_shows,
          round(no_shows::numeric / nullif(minted - refunded, 0), 4) AS no_show_rate
        FROM with_total ORDER BY tier NULLS LAST`,
  );
}
