/**
 * Resale prices (ResaleMarket `Sold`) against each tier's cap: per tier the count, min, max,
 * mean (rounded to wei), median (lower median: the ⌈n/2⌉-th smallest price), sales at the cap
 * and above it, and a histogram of price as basis points of face value. The cap is the
 * contract's `face × resaleCapBps / 10,000` (integer division).
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../types";
import { rows } from "../rows";

export type ResaleTierRow = {
  tier: number;
  face_value: string;
  resale_cap_bps: number;
  max_resale_price: string;
  sales: number | string;
  min_price: string | null;
  max_price: string | null;
  avg_price: string | null;
  median_price: string | null;
  at_cap: number | string;
  above_cap: number | string;
};

export type ResaleBucketRow = { tier: number; bucket: number | string; sales: number | string };

// One row per resale with its tier's face value and cap (tier known through the ticket). div() is
// exact integer division: numeric `/` rounds to a limited scale, which can round a quotient up.
const salesWithCap = (contract: string) => sql`
  SELECT t.tier, t.face_value, s.price, div(t.face_value * t.resale_cap_bps, 10000) AS cap
  FROM sales s
  JOIN tickets k ON k.contract = s.contract AND k.token_id = s.token_id
  JOIN tiers t ON t.contract = k.contract AND t.tier = k.tier
  WHERE s.contract = ${contract.toLowerCase()}`;

/** @example const tiers = await resaleStatsPerTier(db, contract); // every tier, sales or not */
export async function resaleStatsPerTier(db: DbOrTx, contract: string): Promise<ResaleTierRow[]> {
  const c = contract.toLowerCase();
  return rows<ResaleTierRow>(
    db,
    sql`WITH s AS (${salesWithCap(c)})
        SELECT t.tier, t.face_value::text AS face_value, t.resale_cap_bps,
          div(t.face_value * t.resale_cap_bps, 10000)::text AS max_resale_price,
          count(s.price) AS sales, min(s.price)::text AS min_price, max(s.price)::text AS max_price,
          round(avg(s.price))::text AS avg_price,
          (percentile_disc(0.5) WITHIN GROUP (ORDER BY s.price))::text AS median_price,
          count(s.price) FILTER (WHERE s.price = s.cap) AS at_cap,
          count(s.price) FILTER (WHERE s.price > s.cap) AS above_cap
        FROM tiers t LEFT JOIN s ON s.tier = t.tier
        WHERE t.contract = ${c}
        GROUP BY t.tier, t.face_value, t.resale_cap_bps ORDER BY t.tier`,
  );
}

/**
 * Histogram: bucket b holds prices with b × bucketBps ≤ price × 10,000 / face < (b + 1) × bucketBps.
 * Only non-empty buckets; tiers with face value 0 have no ratio and are left out.
 */
export async function resaleBuckets(db: DbOrTx, contract: string, bucketBps: number): Promise<ResaleBucketRow[]> {
  return rows<ResaleBucketRow>(
    db,
    sql`WITH s AS (${salesWithCap(contract)})
        SELECT tier, div(price * 10000, face_value * ${bucketBps}::int)::bigint AS bucket, count(*) AS sales
        FROM s WHERE face_value > 0
        GROUP BY tier, bucket ORDER BY tier, bucket`,
  );
}
