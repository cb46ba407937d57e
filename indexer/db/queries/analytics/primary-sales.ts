/**
 * Primary sales (face-value purchases, seats included) per block, and the event's ticket and
 * on-chain check-in counts: the organizer dashboard's sales chart and attendance pie.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../types";
import { rows } from "../rows";

export type PrimarySalesBlockRow = { block_number: number | string; sold: number | string };
export type TicketCountsRow = { minted: number | string; checked_in_on_chain: number | string };

/** @example const blocks = await primarySalesPerBlock(db, contract); // oldest block first */
export async function primarySalesPerBlock(db: DbOrTx, contract: string): Promise<PrimarySalesBlockRow[]> {
  return rows<PrimarySalesBlockRow>(
    db,
    sql`SELECT block_number, sum(count) AS sold FROM purchases WHERE contract = ${contract.toLowerCase()}
        GROUP BY block_number ORDER BY block_number`,
  );
}

export async function ticketCounts(db: DbOrTx, contract: string): Promise<TicketCountsRow> {
  const [row] = await rows<TicketCountsRow>(
    db,
    sql`SELECT count(*) AS minted, count(*) FILTER (WHERE checked_in_block IS NOT NULL) AS checked_in_on_chain
        FROM tickets WHERE contract = ${contract.toLowerCase()}`,
  );
  return row ?? { minted: 0, checked_in_on_chain: 0 };
}
