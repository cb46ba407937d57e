/**
 * Did the delegating holder give the ticket away after delegating? (A sale and a buy-back must not
 * revive the old delegation; a ticket the holder received after delegating is fine.)
 */
import { and, eq, gt } from "drizzle-orm";
import type { Address } from "viem";
import { transfers } from "../../db/schema";
import type { Db } from "../../db/types";
import type { TicketRef } from "../steps/ticket-from-message";

export async function movedAwaySince(db: Db, ticket: TicketRef, holder: Address, block: number): Promise<boolean> {
  const rows = await db
    .select({ block: transfers.blockNumber })
    .from(transfers)
    .where(
      and(
        eq(transfers.contract, ticket.contract.toLowerCase()),
        eq(transfers.tokenId, ticket.tokenId),
        eq(transfers.from, holder.toLowerCase()),
        gt(transfers.blockNumber, block),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
