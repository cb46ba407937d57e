import { zeroAddress, zeroHash, type Address, type Hex, type PublicClient } from "viem";
import { eventTicketAbi, resaleMarketAbi } from "../../lib/generated/abis";
import {
  eventCalls,
  MULTICALL_BATCH_BYTES,
  readEventDetail,
  unwrap,
  type EventScalars,
  type EventView,
  type TierView,
} from "./read-event";
import { decodeChannelWords, type ChannelMode } from "../../lib/channels";
import { saleBlockName, type SaleBlock } from "../../lib/sale-terms";

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
  /** The market's Waitlist (null for a market deployed before it existed). */
  waitlist: Address | null;
  /**
   * The ticket's one sale rule (`saleTerms(tokenId).blocker`): why the market and the waitlist would
   * refuse it now ("None" when they would take it). "NotRefundable" still lists at price 0.
   */
  saleBlock: SaleBlock | `SaleBlock(${string})`;
  /** Who may claim its face value after a cancellation (`refundHolder`): the holder, the wallet a recovered ticket was taken from, or zero (complimentary, refunded). */
  refundHolder: Address;
};

function ticketCalls(contract: Address, tokenId: bigint) {
  const base = { address: contract, abi: eventTicketAbi } as const;
  return [
    { ...base, functionName: "ownerOf", args: [tokenId] },
    { ...base, functionName: "tierOf", args: [tokenId] },
    { ...base, functionName: "isCheckedIn", args: [tokenId] },
    { ...base, functionName: "isRefunded", args: [tokenId] },
    { ...base, functionName: "isPaid", args: [tokenId] },
    { ...base, functionName: "identityOf", args: [tokenId] },
    { ...base, functionName: "maxResalePrice", args: [tokenId] },
    { ...base, functionName: "getApproved", args: [tokenId] },
    { ...base, functionName: "channelOf", args: [tokenId] },
    { ...base, functionName: "isBound", args: [tokenId] },
    { ...base, functionName: "channelWords" },
    { ...base, functionName: "identityDeadlines" },
    { ...base, functionName: "saleTerms", args: [tokenId] },
    { ...base, functionName: "refundHolder", args: [tokenId] },
  ] as const;
}

/**
 * Everything the ticket page's forms check before a transaction, from the chain, in two Multicall3
 * calls: the ticket's and event's views, then what they name (tiers, currency, the market's
 * listing, approval and waitlist). The history comes from the indexer (app/queries).
 *
 * @example
 * const ticket = await readTicket(publicClient, "0x…", 1n);
 */
export async function readTicket(client: PublicClient, contract: Address, tokenId: bigint): Promise<TicketView> {
  const own = ticketCalls(contract, tokenId);
  const first = await client.multicall({
    contracts: [...own, ...eventCalls(contract)],
    allowFailure: false,
    batchSize: MULTICALL_BATCH_BYTES,
  });
  const [
    owner,
    tierId,
    checkedIn,
    refunded,
    paid,
    identity,
    maxResalePrice,
    approved,
    channel,
    bound,
    [channelsWord, rulesWord],
    deadlines,
    terms,
    refundHolder,
  ] = first;
  const scalars = first.slice(own.length) as unknown as EventScalars;
  const market = scalars[3];
  const marketCall = { address: market, abi: resaleMarketAbi } as const;
  const { event, extra } = await readEventDetail(client, contract, scalars, [
    { ...marketCall, functionName: "listings", args: [contract, tokenId] },
    { address: contract, abi: eventTicketAbi, functionName: "isApprovedForAll", args: [owner, market] },
    // A market deployed before the Waitlist existed has no `waitlist()`: that failure means "none".
    { ...marketCall, functionName: "waitlist" },
  ] as const);
  const [seller, price] = unwrap(extra[0]);
  const operator = unwrap(extra[1]);
  const waitlist = extra[2].status === "success" ? extra[2].result : null;
  const secs = Number((deadlines >> BigInt(32 * tierId)) & 0xffff_ffffn);
  const start = Number(event.startTime);
  const tier = event.tiers[tierId];
  if (!tier) throw new Error(`Ticket #${tokenId} names tier ${tierId}, which the event does not have.`);
  const listed = seller !== zeroAddress && seller.toLowerCase() === owner.toLowerCase();
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
    channelMode: decodeChannelWords(channelsWord, rulesWord, event.totalMinted)[channel]?.mode ?? "Free",
    bound,
    bindingDeadline: secs === 0 ? null : Math.max(start - secs, 1),
    listing: listed ? { seller, price } : null,
    marketApproved: operator || approved.toLowerCase() === market.toLowerCase(),
    waitlist,
    saleBlock: saleBlockName(terms.blocker),
    refundHolder,
  };
}
