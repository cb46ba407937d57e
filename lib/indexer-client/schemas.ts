/**
 * The indexer's HTTP API responses as zod schemas: the one definition the server's routes are
 * typed against and the client validates with. Addresses are EIP-55; uint256 values (token
 * ids, prices in wei, times in unix seconds) are decimal strings; block numbers are numbers.
 */
import { z } from "zod";

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
const hash = z.string().regex(/^0x[0-9a-f]{64}$/);
const uint = z.string().regex(/^\d+$/);
const block = z.number().int().nonnegative();

export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const backfillSchema = z.object({
  active: z.boolean(),
  startBlock: z.number(),
  targetBlock: z.number(),
  blocksDone: z.number(),
  blocksTotal: z.number(),
  logsPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  elapsedMs: z.number(),
});

export const healthSchema = z.object({
  chainId: z.number(),
  headBlock: z.number().nullable(),
  indexedBlock: z.number(),
  lagBlocks: z.number().nullable(),
  lagMs: z.number().nullable(),
  ok: z.boolean(),
  lastError: z.string().optional(),
  role: z.enum(["leader", "follower"]),
  /** Leader-only jobs this instance runs now (only the sync-lease holder runs them). */
  duties: z.array(z.string()).optional(),
  backfill: backfillSchema.nullable(),
  /** RPC calls this process made, by method: how many were refused (an error answer) and rate-limited (429). */
  rpc: z.record(z.string(), z.object({ calls: z.number(), refused: z.number(), rateLimited: z.number() })).optional(),
  /** The provider's eth_getLogs block-range cap learned from its refusals (null: none yet). */
  rangeCap: z.number().nullable().optional(),
});

/** Transfer modes, as the contract's enum: 0 Free, 1 MarketOnly, 2 Locked. */
export const transferModeSchema = z.enum(["free", "market-only", "locked"]);

export const ticketSchema = z.object({
  contract: address,
  tokenId: uint,
  owner: address,
  eventName: z.string().nullable(),
  startTime: uint.nullable(),
  endTime: uint.nullable(),
  mintedBlock: block,
  updatedBlock: block,
  /** Position of the last transfer applied (the gate compares positions, not just owners). */
  updatedLogIndex: z.number().int(),
  tier: z.number().int().nullable(),
  zones: z.number().int().nullable(),
  transferMode: transferModeSchema.nullable(),
  faceValue: uint.nullable(),
  /** Highest resale price (face × cap); null when the tier is unknown. */
  maxResalePrice: uint.nullable(),
  paid: z.boolean(),
  /** Reserved seating: where it sits, from the event's venue layout (absent for general admission). */
  seat: z.object({ section: z.string(), row: z.string(), number: z.number().int() }).nullable().optional(),
  identityBound: z.boolean(),
  /** Admitted: on chain or at a gate of this indexer. */
  checkedIn: z.boolean(),
  /** When a gate of this indexer admitted it (ISO time), else null. */
  checkedInAt: z.string().nullable(),
  checkedInOnChain: z.boolean(),
  checkedInBlock: block.nullable(),
  refunded: z.boolean(),
  eventCancelled: z.boolean(),
  /** Allocation channel it was issued through (0 public sale; lib/channels names the rest). */
  channel: z.number().int().min(0).max(7),
  /** Bound to its holder's identity (moves only by organizer recovery). */
  bound: z.boolean(),
  /** Unix seconds by which the tier needs an identity binding; null when it needs none. */
  bindingDeadline: z.number().int().nullable(),
});

export const ticketsResponseSchema = z.object({ owner: address, tickets: z.array(ticketSchema) });

export const transferSchema = z.object({
  blockNumber: block,
  logIndex: z.number().int(),
  from: address,
  to: address,
  txHash: hash,
  kind: z.enum(["mint", "transfer", "sale", "recovery", "waitlist"]),
  /** Price in wei when kind = sale, or face value when kind = waitlist (a returned ticket). */
  price: uint.nullable(),
});

export const listingSchema = z.object({
  contract: address,
  tokenId: uint,
  seller: address,
  price: uint,
  /** The ticket's tier; null while the mirror has not seen its mint. */
  tier: z.number().int().nullable(),
  maxResalePrice: uint.nullable(),
  blockNumber: block,
  txHash: hash,
  status: z.enum(["open", "cancelled", "sold", "replaced"]),
  /** Open on chain but no longer buyable: the seller moved it, it was checked in, or the event was cancelled. */
  stale: z.boolean(),
});

export const ticketDetailSchema = z.object({
  ticket: ticketSchema,
  provenance: z.array(transferSchema),
  listing: listingSchema.nullable(),
});

export const tierSchema = z.object({
  tier: z.number().int(),
  faceValue: uint,
  supply: z.number().int(),
  zones: z.number().int(),
  transferMode: transferModeSchema,
  resaleCapBps: z.number().int(),
  maxResalePrice: uint,
  voucherOnly: z.boolean(),
  /** Reserved seating: bought seat by seat on the seat map. */
  reserved: z.boolean().default(false),
  minted: z.number().int(),
  checkedIn: z.number().int(),
  /** Per tier, as `counts` for the event (optional: older indexers do not send them): primary sales, market resales, refunds, checked in on chain or admitted at a gate, and neither attended nor refunded. */
  sold: z.number().int().optional(),
  resold: z.number().int().optional(),
  refunded: z.number().int().optional(),
  attended: z.number().int().optional(),
  absent: z.number().int().optional(),
});

export const eventSummarySchema = z.object({
  address,
  eventId: uint,
  organizer: address,
  name: z.string(),
  startTime: uint,
  createdBlock: block,
  ticketCount: z.number().int(),
});

export const eventsResponseSchema = z.object({ events: z.array(eventSummarySchema) });

export const eventCountsSchema = z.object({
  minted: z.number().int(),
  /** Primary sales at face value. */
  sold: z.number().int(),
  resold: z.number().int(),
  checkedInOnChain: z.number().int(),
  admittedAtGate: z.number().int(),
  /** Tickets admitted either way. */
  attended: z.number().int(),
  /** Tickets not admitted once the event started; null before the start. */
  noShows: z.number().int().nullable(),
  refunded: z.number().int(),
  openListings: z.number().int(),
  holders: z.number().int(),
});

export const eventDetailSchema = z.object({
  event: eventSummarySchema.omit({ ticketCount: true }).extend({
    endTime: uint.nullable(),
    lockWindow: z.number().int().nullable(),
    maxPerWallet: z.number().int().nullable(),
    maxPerIdentity: z.number().int().nullable(),
    royaltyBps: z.number().int().nullable(),
    /** What face values and prices are in: the zero address for the native coin (symbol ETH, 18
     * decimals); symbol/decimals null when the token does not say. Null for pre-currency contracts. */
    currency: z.object({ address, symbol: z.string().nullable(), decimals: z.number().int().nullable() }).nullable(),
    cancelled: z.boolean(),
    cancelledAt: uint.nullable(),
    createdTx: hash,
  }),
  tiers: z.array(tierSchema),
  counts: eventCountsSchema,
});

export const listingsResponseSchema = z.object({ listings: z.array(listingSchema) });

export const saleSchema = z.object({
  contract: address,
  tokenId: uint,
  buyer: address,
  seller: address,
  price: uint,
  royalty: uint,
  /** Face × resale cap of the ticket's tier; null when unknown. */
  maxResalePrice: uint.nullable(),
  faceValue: uint.nullable(),
  /** price / face in basis points (10,000 = face); null when face is unknown or 0. */
  priceToFaceBps: z.number().int().nullable(),
  blockNumber: block,
  txHash: hash,
});

export const salesResponseSchema = z.object({
  sales: z.array(saleSchema),
  stats: z.object({
    count: z.number().int(),
    volume: uint,
    royalties: uint,
    minPrice: uint.nullable(),
    maxPrice: uint.nullable(),
    avgPrice: uint.nullable(),
  }),
});

/** `GET /events/:address/waitlist`: queue length per tier, and the asked wallet's places. */
export const waitlistResponseSchema = z.object({
  contract: address,
  /** Every tier of the event; `faceValue` is the deposit a join takes. */
  tiers: z.array(z.object({ tier: z.number().int(), faceValue: uint, length: z.number().int().nonnegative() })),
  wallet: address.nullable(),
  /** The wallet's open entries (empty without `wallet`); position 1 is the head. */
  entries: z.array(
    z.object({
      tier: z.number().int(),
      position: z.number().int().positive(),
      seq: z.number().int().positive(),
      deposit: uint,
      joinedBlock: block,
      txHash: hash,
    }),
  ),
});

/** One Server-Sent Event on `GET /stream` (event name `change`). */
export const changeEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("range"),
    id: z.number(),
    at: z.string(),
    fromBlock: z.number(),
    toBlock: z.number(),
    logs: z.number(),
    events: z.record(z.string(), z.number()),
    contracts: z.array(address),
  }),
  z.object({ type: z.literal("rollback"), id: z.number(), at: z.string(), fromBlock: z.number(), toBlock: z.number() }),
  /** A gate of this server admitted tickets of these events (recorded at once; on chain when the batcher sends them). */
  z.object({
    type: z.literal("admission"),
    id: z.number(),
    at: z.string(),
    contracts: z.array(address),
    tickets: z.number(),
  }),
]);

export type Health = z.infer<typeof healthSchema>;
export type Ticket = z.infer<typeof ticketSchema>;
export type TicketsResponse = z.infer<typeof ticketsResponseSchema>;
export type Transfer = z.infer<typeof transferSchema>;
export type Listing = z.infer<typeof listingSchema>;
export type TicketDetail = z.infer<typeof ticketDetailSchema>;
export type Tier = z.infer<typeof tierSchema>;
export type EventSummary = z.infer<typeof eventSummarySchema>;
export type EventsResponse = z.infer<typeof eventsResponseSchema>;
export type EventDetail = z.infer<typeof eventDetailSchema>;
export type ListingsResponse = z.infer<typeof listingsResponseSchema>;
export type Sale = z.infer<typeof saleSchema>;
export type SalesResponse = z.infer<typeof salesResponseSchema>;
export type WaitlistResponse = z.infer<typeof waitlistResponseSchema>;
export type ChangeEvent = z.infer<typeof changeEventSchema>;
