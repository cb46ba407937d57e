/**
 * On-sale waiting room: sales, queue entries, proof-of-work challenges, per-identity / per-wallet
 * quotas and issued vouchers. Written only by the on-sale service (indexer/onsale/), never by sync.
 * All queue state lives here so a restart loses nothing and several instances share one queue.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * One primary sale of one tier. `lottery`: entries that join before `opensAt` get random positions
 * drawn at the first moment the sale is open (`drawnAt`); later entries join the back (FIFO).
 * Admission bookkeeping (`admittedThrough`, `lastAdmitAt`, `admitCarry`) is updated only under
 * this row's lock, which is what makes two service instances admit one fair queue.
 */
export const onsaleSales = pgTable("onsale_sales", {
  id: text("id").primaryKey(),
  contract: text("contract").notNull(),
  tier: integer("tier").notNull(),
  opensAt: timestamp("opens_at", { withTimezone: true }).notNull(),
  /** fans admitted per second (fractions allowed: 0.5 = one every 2 s) */
  admitPerSecond: doublePrecision("admit_per_second").notNull(),
  lottery: boolean("lottery").notNull().default(true),
  /** proof-of-work difficulty in leading zero bits of sha256; 0 = off */
  powBits: integer("pow_bits").notNull().default(0),
  /** most tickets one voucher, one wallet and one identity may get in this sale */
  maxPerIdentity: integer("max_per_identity").notNull(),
  identityRequired: boolean("identity_required").notNull().default(false),
  /** joins per minute per client IP (0 = no limit) */
  ipJoinsPerMinute: integer("ip_joins_per_minute").notNull().default(0),
  /** sign-in + voucher requests per minute per wallet (0 = no limit) */
  walletRequestsPerMinute: integer("wallet_requests_per_minute").notNull().default(0),
  /** an admitted fan must obtain a voucher within this many seconds */
  admissionTtlSeconds: integer("admission_ttl_seconds").notNull(),
  /** a voucher's on-chain deadline is issue time + this */
  voucherTtlSeconds: integer("voucher_ttl_seconds").notNull(),
  /** tickets this sale may promise (tier supply left at creation); 0 = do not gate admission on stock */
  supply: integer("supply").notNull().default(0),
  /** tickets held for admitted entries (cap each until they take a voucher for less, or expire) */
  held: integer("held").notNull().default(0),
  drawnAt: timestamp("drawn_at", { withTimezone: true }),
  /** position the next post-draw entry gets */
  nextPosition: integer("next_position").notNull().default(1),
  /** every position ≤ this has been admitted (admission follows position order) */
  admittedThrough: integer("admitted_through").notNull().default(0),
  lastAdmitAt: timestamp("last_admit_at", { withTimezone: true }),
  /** fractional admissions owed from the last tick */
  admitCarry: doublePrecision("admit_carry").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
});

/**
 * A place in the queue. The fan holds a bearer token; only its SHA-256 is stored. `position` is
 * null for early arrivals until the lottery draws. `wallet` is bound by SIWE sign-in after admission.
 */
export const onsaleEntries = pgTable(
  "onsale_entries",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    saleId: text("sale_id").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    position: integer("position"),
    early: boolean("early").notNull(),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull(),
    /** SHA-256 of the client IP (kept for abuse review, not the IP itself) */
    ipHash: text("ip_hash").notNull(),
    admittedAt: timestamp("admitted_at", { withTimezone: true }),
    /** tickets held for this entry since admission: a slow fan is as sure of stock as a fast bot */
    heldQuantity: integer("held_quantity").notNull().default(0),
    siweNonce: text("siwe_nonce"),
    siweNonceExpiresAt: timestamp("siwe_nonce_expires_at", { withTimezone: true }),
    wallet: text("wallet"),
    signedInAt: timestamp("signed_in_at", { withTimezone: true }),
    voucherNonce: text("voucher_nonce"),
  },
  (t) => [
    uniqueIndex("onsale_entries_position_uq").on(t.saleId, t.position),
    // One queue place per wallet per sale: a second entry cannot sign in with the same wallet.
    uniqueIndex("onsale_entries_wallet_uq").on(t.saleId, t.wallet),
    index("onsale_entries_waiting_idx").on(t.saleId, t.position).where(sql`${t.admittedAt} is null`),
  ],
);

/** Hashcash challenges: issued by the server, spent once by a join. */
export const onsalePowChallenges = pgTable(
  "onsale_pow_challenges",
  {
    challenge: text("challenge").primaryKey(),
    saleId: text("sale_id").notNull(),
    bits: integer("bits").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("onsale_pow_expires_idx").on(t.expiresAt)],
);

/**
 * Tickets promised per (sale, kind, key): kind `identity` (key = identity commitment) or `wallet`.
 * Raised with one conditional UPDATE, so concurrent requests can never exceed the cap.
 */
export const onsaleQuotas = pgTable(
  "onsale_quotas",
  {
    saleId: text("sale_id").notNull(),
    kind: text("kind").notNull(),
    key: text("key").notNull(),
    used: integer("used").notNull(),
    /** first wallet that used this identity: duplicate-identity reports name it */
    firstWallet: text("first_wallet").notNull(),
  },
  (t) => [primaryKey({ columns: [t.saleId, t.kind, t.key] })],
);

/** Every voucher signed (one per admitted entry), kept so a retry gets the same voucher back. */
export const onsaleVouchers = pgTable(
  "onsale_vouchers",
  {
    nonce: text("nonce").primaryKey(),
    saleId: text("sale_id").notNull(),
    entryId: bigint("entry_id", { mode: "number" }).notNull().unique(),
    contract: text("contract").notNull(),
    wallet: text("wallet").notNull(),
    tier: integer("tier").notNull(),
    quantity: integer("quantity").notNull(),
    identityCommitment: text("identity_commitment").notNull(),
    deadline: bigint("deadline", { mode: "number" }).notNull(),
    signature: text("signature").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("onsale_vouchers_sale_idx").on(t.saleId)],
);
