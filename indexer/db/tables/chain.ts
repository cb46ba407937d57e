/**
 * Chain mirror: what the sync engine writes from logs. Rolled back on reorgs by the generic undo
 * log (../../sync/undo-log.ts): each table here is tracked by `mirror_undo_track` in a migration
 * (0005 for these) and needs a primary key or a unique index; columns need nothing.
 */
import {
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { blockNumber, uint256 } from "./columns";

// uint64 does not fit int8, so numeric.
const uint64 = (name: string) => numeric(name, { precision: 20, scale: 0, mode: "bigint" });

/** One row per `EventCreated` from the factory: the event's EventTicket contract and its rules. */
export const events = pgTable("events", {
  address: text("address").primaryKey(),
  eventId: uint256("event_id").notNull(),
  organizer: text("organizer").notNull(),
  name: text("name").notNull(),
  startTime: uint64("start_time").notNull(),
  createdBlock: blockNumber("created_block").notNull(),
  createdTx: text("created_tx").notNull(),
  // Immutables read from the contract at discovery (null only if the read failed).
  endTime: uint64("end_time"),
  lockWindow: integer("lock_window"),
  maxPerWallet: integer("max_per_wallet"),
  maxPerIdentity: integer("max_per_identity"),
  royaltyBps: integer("royalty_bps"),
  tierCount: integer("tier_count"),
  /** The event's price currency: lower-case ERC-20 address, the zero address for the native coin
   * (null: a contract without `currency()`); its symbol and decimals, read once at discovery. */
  currency: text("currency"),
  currencySymbol: text("currency_symbol"),
  currencyDecimals: integer("currency_decimals"),
  /** `EventCancelled.at` (unix seconds) and the block that carried it; null while not cancelled. */
  cancelledAt: uint64("cancelled_at"),
  cancelledBlock: blockNumber("cancelled_block"),
});

/** `TierCreated`: one row per tier, fixed at creation. mode: 0 Free, 1 MarketOnly, 2 Locked. */
export const tiers = pgTable(
  "tiers",
  {
    contract: text("contract").notNull(),
    tier: integer("tier").notNull(),
    faceValue: uint256("face_value").notNull(),
    supply: integer("supply").notNull(),
    zones: integer("zones").notNull(),
    mode: integer("mode").notNull(),
    resaleCapBps: integer("resale_cap_bps").notNull(),
    voucherOnly: boolean("voucher_only").notNull(),
    /** Reserved seating: sold seat by seat (`SeatsPurchased`), token ids from lib/seating `seatTokenId`. */
    reserved: boolean("reserved").notNull().default(false),
    blockNumber: blockNumber("block_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.contract, t.tier] })],
);

/** Current state of every ticket ever minted (burned tickets keep a row, owned by 0x0). */
export const tickets = pgTable(
  "tickets",
  {
    contract: text("contract").notNull(),
    tokenId: uint256("token_id").notNull(),
    owner: text("owner").notNull(),
    mintedBlock: blockNumber("minted_block").notNull(),
    updatedBlock: blockNumber("updated_block").notNull(),
    // Position of the last applied Transfer, so re-applying an older log never moves the owner back.
    updatedLogIndex: integer("updated_log_index").notNull(),
    /** From `TicketsMinted` (same transaction as the mint); null only for a contract that never said. */
    tier: integer("tier"),
    /** Bought at face value (`TicketsPurchased`): refundable on cancellation. */
    paid: boolean("paid").notNull().default(false),
    /** `VoucherRedeemed` identity commitment (0x…32 bytes); null when not identity-bound. */
    identityCommitment: text("identity_commitment"),
    /** On-chain `CheckedIn`: block, gate account and transaction; null until checked in on chain. */
    checkedInBlock: blockNumber("checked_in_block"),
    checkedInGate: text("checked_in_gate"),
    checkedInTx: text("checked_in_tx"),
    /** `Refunded`: the block; null while not refunded. */
    refundedBlock: blockNumber("refunded_block"),
    /** Allocation channel it was issued through (`ChannelMinted`; 0 = public sale). */
    channel: integer("channel").notNull().default(0),
    /** `IdentityBound`: the block; `identity_commitment` then holds the bound commitment. Null while unbound. */
    boundBlock: blockNumber("bound_block"),
  },
  (t) => [
    primaryKey({ columns: [t.contract, t.tokenId] }),
    index("tickets_owner_idx").on(t.owner),
    index("tickets_updated_block_idx").on(t.updatedBlock),
  ],
);

/**
 * Every ERC-721 Transfer of a known event contract: full provenance, mints included (from = 0x0).
 * kind: mint | transfer | sale (through the ResaleMarket, `price` set) | recovery (organizer) |
 * waitlist (a ticket returned to the head of the waitlist, `price` = face value).
 */
export const transfers = pgTable(
  "transfers",
  {
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    contract: text("contract").notNull(),
    tokenId: uint256("token_id").notNull(),
    from: text("from").notNull(),
    to: text("to").notNull(),
    txHash: text("tx_hash").notNull(),
    kind: text("kind").notNull().default("transfer"),
    /** Sale price in wei when `kind = sale`. */
    price: uint256("price"),
  },
  (t) => [
    uniqueIndex("transfers_block_log_uq").on(t.blockNumber, t.logIndex),
    index("transfers_token_idx").on(t.contract, t.tokenId),
  ],
);

/** `TicketsMinted`: which tier each mint call produced (`firstTokenId .. firstTokenId + count - 1`). */
export const mints = pgTable(
  "mints",
  {
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    contract: text("contract").notNull(),
    tier: integer("tier").notNull(),
    firstTokenId: uint256("first_token_id").notNull(),
    count: integer("count").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [uniqueIndex("mints_block_log_uq").on(t.blockNumber, t.logIndex), index("mints_contract_idx").on(t.contract)],
);

/** `TicketsPurchased` and `SeatsPurchased`: primary sales at face value (escrowed). A seat purchase's
 * `first_token_id` is its first seat's token; its seats are not a range (see `tickets.tier`). */
export const purchases = pgTable(
  "purchases",
  {
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    contract: text("contract").notNull(),
    buyer: text("buyer").notNull(),
    firstTokenId: uint256("first_token_id").notNull(),
    count: integer("count").notNull(),
    paid: uint256("paid").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [
    uniqueIndex("purchases_block_log_uq").on(t.blockNumber, t.logIndex),
    index("purchases_contract_idx").on(t.contract),
  ],
);

/** `VoucherRedeemed`: verified-fan sales; the identity commitment is an HMAC, never an ID. */
export const voucherRedemptions = pgTable(
  "voucher_redemptions",
  {
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    contract: text("contract").notNull(),
    nonce: text("nonce").notNull(),
    identityCommitment: text("identity_commitment").notNull(),
    to: text("to").notNull(),
    firstTokenId: uint256("first_token_id").notNull(),
    quantity: integer("quantity").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [uniqueIndex("voucher_redemptions_block_log_uq").on(t.blockNumber, t.logIndex)],
);

/** `Refunded`: face value paid back to a holder after cancellation. */
export const refunds = pgTable(
  "refunds",
  {
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    contract: text("contract").notNull(),
    tokenId: uint256("token_id").notNull(),
    holder: text("holder").notNull(),
    amount: uint256("amount").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [
    uniqueIndex("refunds_block_log_uq").on(t.blockNumber, t.logIndex),
    index("refunds_contract_idx").on(t.contract),
  ],
);

/**
 * ResaleMarket `Listed`: one row per listing. A listing ends (closedReason cancelled | sold |
 * replaced) at the block of the log that ended it; open listings have closedBlock null.
 */
export const listings = pgTable(
  "listings",
  {
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    contract: text("contract").notNull(),
    tokenId: uint256("token_id").notNull(),
    seller: text("seller").notNull(),
    price: uint256("price").notNull(),
    txHash: text("tx_hash").notNull(),
    closedBlock: blockNumber("closed_block"),
    closedLogIndex: integer("closed_log_index"),
    closedReason: text("closed_reason"),
  },
  (t) => [
    uniqueIndex("listings_block_log_uq").on(t.blockNumber, t.logIndex),
    index("listings_token_idx").on(t.contract, t.tokenId),
  ],
);

/** ResaleMarket `Sold`: a resale, with the royalty the organizer got. */
export const sales = pgTable(
  "sales",
  {
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    contract: text("contract").notNull(),
    tokenId: uint256("token_id").notNull(),
    buyer: text("buyer").notNull(),
    seller: text("seller").notNull(),
    price: uint256("price").notNull(),
    royalty: uint256("royalty").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [uniqueIndex("sales_block_log_uq").on(t.blockNumber, t.logIndex), index("sales_contract_idx").on(t.contract)],
);

/**
 * Low-volume logs kept as they came (name + decoded args as JSON, bigints as strings):
 * EventCancelled, ProceedsWithdrawn, VoucherSignerChanged, TicketRecovered, PaymentDeferred, Withdrawn.
 */
export const contractActivity = pgTable(
  "contract_activity",
  {
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    contract: text("contract").notNull(),
    name: text("name").notNull(),
    args: jsonb("args").$type<Record<string, string | number | boolean>>().notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [
    uniqueIndex("contract_activity_block_log_uq").on(t.blockNumber, t.logIndex),
    index("contract_activity_contract_idx").on(t.contract),
  ],
);

/**
 * `ChannelConfigured`: an event's allocation channels (0 public, 1 sponsor, 2 staff, 3 artist,
 * 4 organizer, 5..7 named). Set before the first mint, possibly more than once: the rows of an
 * event's latest configuring transaction are the configuration. mode: 0 Free, 1 MarketOnly, 2 Locked.
 */
export const channelConfigs = pgTable(
  "channel_configs",
  {
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    contract: text("contract").notNull(),
    channel: integer("channel").notNull(),
    quota: integer("quota").notNull(),
    mode: integer("mode").notNull(),
    /** Organizer's label (bytes16 decoded as UTF-8, trailing zeros dropped); "" when none. */
    name: text("name").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [
    uniqueIndex("channel_configs_block_log_uq").on(t.blockNumber, t.logIndex),
    index("channel_configs_contract_idx").on(t.contract),
  ],
);

/** `IdentityDeadlineSet`: a tier's tickets must be bound by start − seconds. Latest row per tier wins. */
export const identityDeadlines = pgTable(
  "identity_deadlines",
  {
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    contract: text("contract").notNull(),
    tier: integer("tier").notNull(),
    secondsBeforeStart: integer("seconds_before_start").notNull(),
    txHash: text("tx_hash").notNull(),
  },
  (t) => [
    uniqueIndex("identity_deadlines_block_log_uq").on(t.blockNumber, t.logIndex),
    index("identity_deadlines_contract_idx").on(t.contract, t.tier),
  ],
);

/** Sync progress, one row per (chain, factory): every block up to `blockNumber` is applied. */
export const syncCursor = pgTable("sync_cursor", {
  id: text("id").primaryKey(),
  chainId: integer("chain_id").notNull(),
  blockNumber: blockNumber("block_number").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Hashes of processed blocks (each range's last block), kept to FINALITY_DEPTH, for reorg detection. */
export const blocks = pgTable("blocks", {
  number: blockNumber("number").primaryKey(),
  hash: text("hash").notNull(),
  parentHash: text("parent_hash").notNull(),
});
