/** An owner's tickets, with their event and whether they were admitted. */
import { and, asc, eq } from "drizzle-orm";
import type { Address } from "viem";
import { checkIns, events, tickets } from "../schema";
import type { DbOrTx } from "../types";

export async function ticketsByOwner(db: DbOrTx, owner: Address, page: { limit: number; offset: number }) {
  return db
    .select({
      contract: tickets.contract,
      tokenId: tickets.tokenId,
      owner: tickets.owner,
      eventName: events.name,
      startTime: events.startTime,
      mintedBlock: tickets.mintedBlock,
      updatedBlock: tickets.updatedBlock,
      checkedInAt: checkIns.checkedInAt,
    })
    .from(tickets)
    .leftJoin(events, eq(events.address, tickets.contract))
    .leftJoin(checkIns, and(eq(checkIns.contract, tickets.contract), eq(checkIns.tokenId, tickets.tokenId)))
    .where(eq(tickets.owner, owner.toLowerCase()))
    .orderBy(asc(tickets.contract), asc(tickets.tokenId))
    .limit(page.limit)
    .offset(page.offset);
}
