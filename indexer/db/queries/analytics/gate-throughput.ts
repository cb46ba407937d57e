/**
 * Per gate: admissions, first and last admission, minutes with at least one admission, the
 * average per such minute, and the busiest minute (most admissions; the earliest on a tie).
 * Plus the event's busiest minute over all gates together.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../types";
import { rows } from "../rows";

export type GateThroughputRow = {
  gate_id: string;
  admitted: number | string;
  first_at: Date | string;
  last_at: Date | string;
  active_minutes: number | string;
  per_active_minute: number | string;
  busiest_minute: number | string;
  busiest_count: number | string;
};

export type BusiestMinuteRow = { minute: number | string; arrivals: number | string; total: number | string };

// Epoch-aligned minute of an admission (time-zone independent).
const minuteOf = sql.raw(`(floor(extract(epoch FROM checked_in_at) / 60) * 60)::bigint`);

/** @example const gates = await gateThroughput(db, contract); // one row per gate, by gate id */
export async function gateThroughput(db: DbOrTx, contract: string): Promise<GateThroughputRow[]> {
  const c = contract.toLowerCase();
  return rows<GateThroughputRow>(
    db,
    sql`WITH per_minute AS (
          SELECT gate_id, ${minuteOf} AS minute, count(*) AS n FROM check_ins WHERE contract = ${c} GROUP BY gate_id, minute
        ), ranked AS (
          SELECT gate_id, minute, n, row_number() OVER (PARTITION BY gate_id ORDER BY n DESC, minute ASC) AS rk FROM per_minute
        ), totals AS (
          SELECT gate_id, count(*) AS admitted, min(checked_in_at) AS first_at, max(checked_in_at) AS last_at
          FROM check_ins WHERE contract = ${c} GROUP BY gate_id
        ), active AS (
          SELECT gate_id, count(*) AS active_minutes FROM per_minute GROUP BY gate_id
        )
        SELECT t.gate_id, t.admitted, t.first_at, t.last_at, a.active_minutes,
          round(t.admitted::numeric / a.active_minutes, 2) AS per_active_minute,
          r.minute AS busiest_minute, r.n AS busiest_count
        FROM totals t JOIN active a ON a.gate_id = t.gate_id JOIN ranked r ON r.gate_id = t.gate_id AND r.rk = 1
        ORDER BY t.gate_id COLLATE "C"`,
  );
}

/** The minute with the most admissions over all gates (earliest on a tie), or null with no admissions. */
export async function busiestMinute(db: DbOrTx, contract: string): Promise<BusiestMinuteRow | null> {
  const [row] = await rows<BusiestMinuteRow>(
    db,
    sql`SELECT ${minuteOf} AS minute, count(*) AS arrivals, sum(count(*)) OVER () AS total
        FROM check_ins WHERE contract = ${contract.toLowerCase()}
        GROUP BY minute ORDER BY arrivals DESC, minute ASC LIMIT 1`,
  );
  return row ?? null;
}
