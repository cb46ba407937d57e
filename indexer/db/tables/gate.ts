/** Gate state: challenges, pass delegations, gate sessions, admissions. Written by the gate service, never by the sync engine. */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { blockNumber, uint256 } from "./columns";

/**
 * Single-use SIWE nonces; `usedAt` is set exactly once, by the request that consumes it.
 * `purpose`: `scan` (challenge mode), `delegate` (pass delegation), `session` (gate staff sign-in), `seats` (a fan holding seats).
 */
export const gateChallenges = pgTable(
  "gate_challenges",
  {
    nonce: text("nonce").primaryKey(),
    purpose: text("purpose").notNull().default("scan"),
    contract: text("contract").notNull(),
    gateId: text("gate_id").notNull(),
    /** zone bit of the gate asking (challenge mode, staff sign-in); 0 = general */
    zone: integer("zone").notNull().default(0),
    domain: text("domain").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("gate_challenges_expires_idx").on(t.expiresAt)],
);

/**
 * A holder's wallet delegated a phone's device key for one event (pass mode). `createdBlock` is
 * the chain head when it was verified: a transfer of a ticket after it voids it for that ticket.
 */
export const passDelegations = pgTable(
  "pass_delegations",
  {
    contract: text("contract").notNull(),
    /** hex of the 8-byte key id carried in every pass */
    keyId: text("key_id").notNull(),
    /** base64url raw P-256 point */
    publicKey: text("public_key").notNull(),
    holder: text("holder").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    createdBlock: blockNumber("created_block").notNull(),
    nonce: text("nonce").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.contract, t.keyId] }),
    index("pass_delegations_holder_idx").on(t.contract, t.holder),
  ],
);

/**
 * Signed-in scanner devices. The bearer token is stored only as its SHA-256. `role`: `gate`
 * (may scan) or `admin` (organizer: may also issue and revoke invites).
 */
export const gateSessions = pgTable(
  "gate_sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    contract: text("contract").notNull(),
    gateId: text("gate_id").notNull(),
    /** zone bit (0 = general) this gate admits to */
    zone: integer("zone").notNull(),
    role: text("role").notNull(),
    /** wallet address, or `invite:<id>` for door staff without a wallet */
    staff: text("staff").notNull(),
    /** base64url raw P-256 key of the scanner (invite sessions): every request must be signed by it */
    devicePublicKey: text("device_public_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /**
     * What the session's authority rests on, re-checked on chain (sessions/staff-authority.ts):
     * `wallet` (the staff wallet holds GATE_ROLE, or the admin role for `admin`), `invite` (the
     * organizer wallet that issued the invite still holds the admin role); null: nothing to re-check.
     */
    authority: text("authority"),
    /**
     * The session's first offline snapshot: when it was issued, and the mirror's block then (every
     * transfer up to it was mined before). Reconcile admits offline admissions from then on only.
     */
    firstSnapshotAt: timestamp("first_snapshot_at", { withTimezone: true }),
    firstSnapshotBlock: bigint("first_snapshot_block", { mode: "number" }),
  },
  (t) => [index("gate_sessions_contract_idx").on(t.contract)],
);

/** One-time codes an organizer hands to door staff with no wallet; redeemed once, revocable. */
export const gateInvites = pgTable("gate_invites", {
  id: text("id").primaryKey(),
  codeHash: text("code_hash").notNull().unique(),
  contract: text("contract").notNull(),
  gateId: text("gate_id").notNull(),
  zone: integer("zone").notNull(),
  createdBy: text("created_by").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  redeemedAt: timestamp("redeemed_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  /** token hash of the session the code became; revoking the invite ends it */
  sessionHash: text("session_hash"),
});

/**
 * Admissions: at most one per ticket, enforced by the unique index (first insert wins).
 * The on-chain batcher fills `chainTx` when it sends the ticket's `checkIn` and sets
 * `chainConfirmed` once that transaction (or an earlier one) is mined.
 */
export const checkIns = pgTable(
  "check_ins",
  {
    contract: text("contract").notNull(),
    tokenId: uint256("token_id").notNull(),
    holder: text("holder").notNull(),
    gateId: text("gate_id").notNull(),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }).notNull(),
    /** challenge | pass | offline */
    mode: text("mode").notNull().default("challenge"),
    chainTx: text("chain_tx"),
    chainSubmittedAt: timestamp("chain_submitted_at", { withTimezone: true }),
    chainConfirmed: boolean("chain_confirmed").notNull().default(false),
  },
  (t) => [
    uniqueIndex("check_ins_ticket_uq").on(t.contract, t.tokenId),
    index("check_ins_unconfirmed_idx").on(t.contract).where(sql`${t.chainConfirmed} = false`),
  ],
);

/**
 * An offline admission reconcile did not record as a check-in, reported, never dropped: the ticket
 * was already admitted (`ALREADY_CHECKED_IN`, with the winning gate), or it failed an admission
 * rule at its time (`reason`: NOT_OWNER, ZONE_NOT_ALLOWED, OUTSIDE_SNAPSHOT, …; no first gate).
 */
export const checkInConflicts = pgTable(
  "check_in_conflicts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    contract: text("contract").notNull(),
    tokenId: uint256("token_id").notNull(),
    gateId: text("gate_id").notNull(),
    admittedAt: timestamp("admitted_at", { withTimezone: true }).notNull(),
    /** a reason code of lib/gate/reasons.ts */
    reason: text("reason").notNull().default("ALREADY_CHECKED_IN"),
    /** gate that holds the winning check-in (ALREADY_CHECKED_IN) */
    firstGateId: text("first_gate_id"),
    firstAt: timestamp("first_at", { withTimezone: true }),
    reportedAt: timestamp("reported_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("check_in_conflicts_uq").on(t.contract, t.tokenId, t.gateId, t.admittedAt)],
);
