/**
 * Primary sales (face-value purchases, seats included) per block: the organizer dashboard's sales
 * chart. Its counts come from the event detail's queries (event-detail.ts), never a copy.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../types";
import { rows } from "../rows";

export type PrimarySalesBlockRow = { block_number: number | string; sold: number | string };

/** @example const blocks = await primarySalesPerBlock(db, contract); // oldest block first */
export async function primarySalesPerBlock(db: DbOrTx, contract: string): Promise<PrimarySalesBlockRow[]> {
  return rows<PrimarySalesBlockRow>(
    db,
    sql`SELECT block_number, sum(count) AS sold FROM purchases WHERE contract = ${contract.toLowerCase()}
        GROUP BY block_number ORDER BY block_number`,
  );
}

/** What the primary sales paid, in the event's currency's smallest unit (exact: numeric, returned as text). */
export async function primaryRevenue(db: DbOrTx, contract: string): Promise<string> {
  const [row] = await rows<{ revenue: string | number | null }>(
    db,
    sql`SELECT coalesce(sum(paid), 0)::text AS revenue FROM purchases WHERE contract = ${contract.toLowerCase()}`,
  );
  return String(row?.revenue ?? "0");
}
