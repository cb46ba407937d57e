import { getAddress, type Address } from "viem";
import type { Listing as IndexerListing } from "../../lib/indexer-client/schemas";

export type Listing = { tokenId: bigint; seller: Address; price: bigint; tier: number | null };

/**
 * The listings a fan can buy, cheapest first: open on the market and not stale (the seller still
 * holds the ticket, it is not checked in, the event is not cancelled), as the indexer judges them.
 */
export function openListings(listings: readonly IndexerListing[]): Listing[] {
  return listings
    .filter((l) => l.status === "open" && !l.stale)
    .map((l) => ({ tokenId: BigInt(l.tokenId), seller: getAddress(l.seller), price: BigInt(l.price), tier: l.tier }))
    .sort((a, b) => (a.price === b.price ? (a.tokenId < b.tokenId ? -1 : 1) : a.price < b.price ? -1 : 1));
}
