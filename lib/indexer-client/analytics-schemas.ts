/**
 * Organizer analytics responses (`GET /analytics/:contract/…`) as zod schemas, shared by the
 * indexer's routes and the client. Times are ISO strings, wei amounts decimal strings, rates
 * fractions 0..1 (four decimals).
 */
import { z } from "zod";

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
const uint = z.string().regex(/^\d+$/);
const count = z.number().int().nonnegative();
const iso = z.iso.datetime({ offset: true });

export const arrivalBucketSchema = z.object({ start: iso, gateId: z.string(), arrivals: count });

export const arrivalsResponseSchema = z.object({
  contract: address,
  bucketSeconds: z.number().int().positive(),
  /** Gate ids that admitted anyone in the range, sorted. */
  gates: z.array(z.string()),
  /** Non-empty (bucket, gate) pairs, oldest first, then by gate id. */
  buckets: z.array(arrivalBucketSchema),
  total: count,
});

export const minuteCountSchema = z.object({ start: iso, arrivals: count });

export const gateThroughputSchema = z.object({
  gateId: z.string(),
  admitted: count,
  firstAt: iso,
  lastAt: iso,
  /** Minutes in which the gate admitted at least one ticket. */
  activeMinutes: count,
  /** admitted / activeMinutes, two decimals. */
  perActiveMinute: z.number().nonnegative(),
  /** Most admissions in one minute (earliest on a tie). */
  busiestMinute: minuteCountSchema,
});

export const gatesResponseSchema = z.object({
  contract: address,
  gates: z.array(gateThroughputSchema),
  /** Over all gates together; null before the first admission. */
  busiestMinute: minuteCountSchema.nullable(),
  total: count,
});

export const noShowTierSchema = z.object({
  tier: z.number().int(),
  supply: count,
  minted: count,
  refunded: count,
  attended: count,
  /** null before the event starts (nobody is a no-show yet). */
  noShows: count.nullable(),
  noShowRate: z.number().min(0).max(1).nullable(),
});

export const noShowsResponseSchema = z.object({
  contract: address,
  started: z.boolean(),
  cancelled: z.boolean(),
  tiers: z.array(noShowTierSchema),
  total: noShowTierSchema.omit({ tier: true }),
});

/**
 * `GET /analytics/:contract/primary-sales`: face-value sales per block, oldest first, and the event's
 * headline counts, the same ones `GET /events/:address` gives (one query: indexer/db/queries/event-detail.ts).
 */
export const primarySalesResponseSchema = z.object({
  contract: address,
  blocks: z.array(z.object({ blockNumber: count, sold: count })),
  minted: count,
  checkedInOnChain: count,
  /** Checked in at a gate of this server or on chain: the tickets whose status (lib/ticket-status) is used. */
  attended: count,
  refunded: count,
  /** Tickets bought at face value (primary sales), and what they brought in, in the event's currency. */
  sold: count,
  revenue: uint,
  /** Sum of the tiers' supplies. */
  capacity: count,
});

export const resaleBucketSchema = z.object({ fromBps: count, toBps: count, sales: count });

export const resaleTierSchema = z.object({
  tier: z.number().int(),
  faceValue: uint,
  resaleCapBps: count,
  maxResalePrice: uint,
  sales: count,
  minPrice: uint.nullable(),
  maxPrice: uint.nullable(),
  avgPrice: uint.nullable(),
  /** Lower median (the ⌈n/2⌉-th smallest). */
  medianPrice: uint.nullable(),
  atCap: count,
  aboveCap: count,
  /** Price as basis points of face value; non-empty buckets only. */
  buckets: z.array(resaleBucketSchema),
});

export const resalePricesResponseSchema = z.object({
  contract: address,
  bucketBps: z.number().int().positive(),
  tiers: z.array(resaleTierSchema),
});

export const heavyWalletSchema = z.object({ wallet: address, tickets: count, tiers: count, identityBound: count });
export const heavyIdentitySchema = z.object({
  identityCommitment: z.string().regex(/^0x[0-9a-f]{64}$/),
  tickets: count,
  wallets: count,
});
export const funnelSchema = z.object({
  collector: address,
  /** Distinct first-hand holders that forwarded to the collector within the window. */
  sources: count,
  tickets: count,
  /** Of those tickets, how many came through the resale market. */
  viaSale: count,
  firstBlock: count,
  lastBlock: count,
  heldNow: count,
});

export const hoardingResponseSchema = z.object({
  contract: address,
  over: count,
  minSources: count,
  windowBlocks: count,
  wallets: z.array(heavyWalletSchema),
  identities: z.array(heavyIdentitySchema),
  funnels: z.array(funnelSchema),
});

/** One hop of a leaked ticket's provenance: mint, transfer, sale (with price), waitlist return or recovery. */
export const leakHopSchema = z.object({
  from: address,
  to: address,
  kind: z.string(),
  /** wei, only for sales and waitlist returns */
  price: uint.nullable(),
  txHash: z.string().regex(/^0x[0-9a-fA-F]{64}$/),
  block: count,
});

export const leakedTicketSchema = z.object({
  tokenId: uint,
  channel: z.number().int().min(0).max(7),
  channelName: z.string(),
  tier: z.number().int().nullable(),
  holder: address,
  /** Transfers after issue (not counting organizer recoveries). */
  moves: count,
  /** Listings on the official market, ever. */
  listings: count,
  /** The holder also bought at the public sale. */
  holderBoughtPublicly: z.boolean(),
  chain: z.array(leakHopSchema),
});

export const leakChannelSchema = z.object({
  channel: z.number().int().min(0).max(7),
  name: z.string(),
  /** Configured quota; null when the event configured no channels. */
  quota: count.nullable(),
  /** Configured transfer rule: Free | MarketOnly | Locked; null when not configured. */
  mode: z.enum(["Free", "MarketOnly", "Locked"]).nullable(),
  issued: count,
  reported: count,
  moved: count,
  listed: count,
  heldByPublicBuyer: count,
});

export const leaksResponseSchema = z.object({
  contract: address,
  limit: count,
  channels: z.array(leakChannelSchema),
  tickets: z.array(leakedTicketSchema),
});

export type ArrivalsResponse = z.infer<typeof arrivalsResponseSchema>;
export type GateThroughput = z.infer<typeof gateThroughputSchema>;
export type GatesResponse = z.infer<typeof gatesResponseSchema>;
export type NoShowTier = z.infer<typeof noShowTierSchema>;
export type NoShowsResponse = z.infer<typeof noShowsResponseSchema>;
export type PrimarySalesResponse = z.infer<typeof primarySalesResponseSchema>;
export type ResaleTier = z.infer<typeof resaleTierSchema>;
export type ResalePricesResponse = z.infer<typeof resalePricesResponseSchema>;
export type HeavyWallet = z.infer<typeof heavyWalletSchema>;
export type HeavyIdentity = z.infer<typeof heavyIdentitySchema>;
export type Funnel = z.infer<typeof funnelSchema>;
export type HoardingResponse = z.infer<typeof hoardingResponseSchema>;
export type LeakHop = z.infer<typeof leakHopSchema>;
export type LeakedTicket = z.infer<typeof leakedTicketSchema>;
export type LeakChannel = z.infer<typeof leakChannelSchema>;
export type LeaksResponse = z.infer<typeof leaksResponseSchema>;
