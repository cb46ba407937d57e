import { zeroHash, type Address, type Hex, type PublicClient } from "viem";
import { eventTicketAbi, resaleMarketAbi } from "../../lib/generated/abis";
import { readEvent, type EventView, type TierView } from "./read-event";
import { decodeChannelWords, type ChannelMode } from "../../lib/channels";

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
  /** Allocation channel it was issued through (0 public sale, 1 sponsor, 2 staff, 3 artist, 4 organizer, 5..7 custom). */
  channel: number;
  /** The channel's transfer rule (tightens the tier's). */
  channelMode: ChannelMode;
  /** Bound to its holder's identity (`bindIdentity`): moves only by organizer recovery. */
  bound: boolean;
  /** Unix seconds by which the tier needs an identity binding; null when it needs none. */
  bindingDeadline: number | null;
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
  const [channel, bound, [channelsWord, rulesWord], deadlines, total] = await Promise.all([
    client.readContract({ ...base, functionName: "channelOf", args: [tokenId] }),
    client.readContract({ ...base, functionName: "isBound", args: [tokenId] }),
    client.readContract({ ...base, functionName: "channelWords" }),
    client.readContract({ ...base, functionName: "identityDeadlines" }),
    client.readContract({ ...base, functionName: "totalMinted" }),
  ]);
  const secs = Number((deadlines >> BigInt(32 * tierId)) & 0xffff_ffffn);
  const start = Number(event.startTime);
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
    channel,
    channelMode: decodeChannelWords(channelsWord, rulesWord, total)[channel]?.mode ?? "Free",
    bound,
    bindingDeadline: secs === 0 ? null : Math.max(start - secs, 1),
    listing: listed ? { seller, price } : null,
    marketApproved: operator || approved.toLowerCase() === event.market.toLowerCase(),
  };
}
