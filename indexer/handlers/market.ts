/** ResaleMarket `Listed`, `ListingCancelled`, `Sold`: listings open and close; a sale prices its transfer. */
import { and, eq, isNull, sql } from "drizzle-orm";
import { listings, sales, transfers } from "../db/schema";
import type { DbTx } from "../db/types";
import type { LogOf } from "../sync/chain-logs";
import { lower, position } from "./bulk";

/** Closes the token's open listings that came before `log` (so re-applying is a no-op). */
async function closeListings(
  tx: DbTx,
  log: LogOf<"Listed" | "ListingCancelled" | "Sold">,
  reason: "replaced" | "cancelled" | "sold",
) {
  const contract = lower(log.args.ticket);
  const block = Number(log.blockNumber);
  await tx
    .update(listings)
    .set({ closedBlock: block, closedLogIndex: log.logIndex, closedReason: reason })
    .where(
      and(
        eq(listings.contract, contract),
        eq(listings.tokenId, log.args.tokenId),
        isNull(listings.closedBlock),
        sql`(${listings.blockNumber}, ${listings.logIndex}) < (${block}, ${log.logIndex})`,
      ),
    );
}

export async function handleListed(tx: DbTx, log: LogOf<"Listed">): Promise<void> {
  await closeListings(tx, log, "replaced");
  await tx
    .insert(listings)
    .values({
      ...position(log),
      contract: lower(log.args.ticket),
      tokenId: log.args.tokenId,
      seller: lower(log.args.seller),
      price: log.args.price,
    })
    .onConflictDoNothing();
}

export async function handleListingCancelled(tx: DbTx, log: LogOf<"ListingCancelled">): Promise<void> {
  await closeListings(tx, log, "cancelled");
}

export async function handleSold(tx: DbTx, log: LogOf<"Sold">): Promise<void> {
  const { ticket, tokenId, buyer, seller, price, royalty } = log.args;
  const contract = lower(ticket);
  const pos = position(log);
  await closeListings(tx, log, "sold");
  await tx
    .insert(sales)
    .values({ ...pos, contract, tokenId, buyer: lower(buyer), seller: lower(seller), price, royalty })
    .onConflictDoNothing();
  // The Transfer of this sale precedes Sold in the same transaction.
  await tx
    .update(transfers)
    .set({ kind: "sale", price })
    .where(
      and(
        eq(transfers.contract, contract),
        eq(transfers.tokenId, tokenId),
        eq(transfers.txHash, pos.txHash),
        eq(transfers.from, lower(seller)),
        eq(transfers.to, lower(buyer)),
      ),
    );
}
