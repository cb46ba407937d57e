/**
 * Arrivals per time bucket per gate, from the gate's own admissions (`check_ins.checked_in_at`).
 * Buckets are aligned to the Unix epoch (not the session time zone), so PGlite and PostgreSQL
 * agree whatever their `TimeZone` setting.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../types";
import { rows } from "../rows";

export type ArrivalRow = { gate_id: string; bucket_start: number | string; arrivals: number | string };

export type ArrivalsFilter = {
  /** Bucket length in seconds (60 = per minute). */
  bucketSeconds: number;
  /** Only admissions at or after this time. */
  from?: Date | undefined;
  /** Only admissions before this time. */
  to?: Date | undefined;
  gateId?: string | undefined;
};

/**
 * @example
 * const perMinute = await arrivalsPerBucket(db, contract, { bucketSeconds: 60 });
 * // [{ gate_id: "north", bucket_start: 1767261600, arrivals: 12 }, …] oldest first
 */
export async function arrivalsPerBucket(db: DbOrTx, contract: string, filter: ArrivalsFilter): Promise<ArrivalRow[]> {
  const bucket = sql`${filter.bucketSeconds}::int`;
  const parts = [sql`contract = ${contract.toLowerCase()}`];
  if (filter.from) parts.push(sql`checked_in_at >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.to) parts.push(sql`checked_in_at < ${filter.to.toISOString()}::timestamptz`);
  if (filter.gateId !== undefined) parts.push(sql`gate_id = ${filter.gateId}`);
  return rows<ArrivalRow>(
    db,
    sql`SELECT gate_id, (floor(extract(epoch FROM checked_in_at) / ${bucket}) * ${bucket})::bigint AS bucket_start, count(*) AS arrivals
        FROM check_ins WHERE ${sql.join(parts, sql` AND `)}
        GROUP BY gate_id, bucket_start ORDER BY bucket_start, gate_id COLLATE "C"`,
  );
}
