import { zeroHash, type Address, type Hex, type PublicClient } from "viem";
import { eventTicketAbi, resaleMarketAbi } from "../../lib/generated/abis";
import { readEvent, type EventView, type TierView } from "./read-event";

export type TicketView = {
  contract: Address;
  tokenId: bigint;
  owner: Address;
  event: EventView;
  tier: TierView;
  checkedIn: boolean;
  refunded: boolean;
  /** Face value held in escrow for it (bought, not comp), so refundable on cancellation. */
  paid: boolean;
  identityBound: boolean;
  /** `identityOf(tokenId)`: HMAC of the holder's ID number for a named ticket, zero when unbound. */
  identityCommitment: Hex;
  maxResalePrice: bigint;
  /** Active listing on the official market, if the seller still owns it. */
  listing: { seller: Address; price: bigint } | null;
  marketApproved: boolean;
};

/**
 * Everything the ticket page shows about one ticket, from the chain.
 *
 * @example
 * const ticket = await readTicket(publicClient, "0x…", 1n);
 */
export async function readTicket(client: PublicClient, contract: Address, tokenId: bigint): Promise<TicketView> {
  const base = { address: contract, abi: eventTicketAbi } as const;
  const [owner, tierId, checkedIn, refunded, paid, identity, maxResalePrice, approved, event] = await Promise.all([
    client.readContract({ ...base, functionName: "ownerOf", args: [tokenId] }),
    client.readContract({ ...base, functionName: "tierOf", args: [tokenId] }),
    client.readContract({ ...base, functionName: "isCheckedIn", args: [tokenId] }),
    client.readContract({ ...base, functionName: "isRefunded", args: [tokenId] }),
    client.readContract({ ...base, functionName: "isPaid", args: [tokenId] }),
    client.readContract({ ...base, functionName: "identityOf", args: [tokenId] }),
    client.readContract({ ...base, functionName: "maxResalePrice", args: [tokenId] }),
    client.readContract({ ...base, functionName: "getApproved", args: [tokenId] }),
    readEvent(client, contract),
  ]);
  const [seller, price] = await client.readContract({ address: event.market, abi: resaleMarketAbi, functionName: "listings", args: [contract, tokenId] });
  const operator = await client.readContract({ ...base, functionName: "isApprovedForAll", args: [owner, event.market] });
  const tier = event.tiers[tierId];
  if (!tier) throw new Error(`Ticket #${tokenId} names tier ${tierId}, which the event does not have.`);
  const listed = seller !== "0x0000000000000000000000000000000000000000" && seller.toLowerCase() === owner.toLowerCase();
  return {
    contract,
    tokenId,
    owner,
    event,
    tier,
    checkedIn,
    refunded,
    paid,
    identityBound: identity !== zeroHash,
    identityCommitment: identity,
    maxResalePrice,
    listing: listed ? { seller, price } : null,
    marketApproved: operator || approved.toLowerCase() === event.market.toLowerCase(),
  };
}
