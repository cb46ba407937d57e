/** Gate state: challenges and admissions. Written by the gate service, never by the sync engine. */
import { index, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { uint256 } from "./columns";

/** Challenges handed out by gates; `usedAt` is set exactly once, by the scan that consumes it. */
export const gateChallenges = pgTable(
  "gate_challenges",
  {
    nonce: text("nonce").primaryKey(),
    contract: text("contract").notNull(),
    gateId: text("gate_id").notNull(),
    domain: text("domain").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [index("gate_challenges_expires_idx").on(t.expiresAt)],
);

/** Admissions: at most one per ticket, enforced by the unique index (first insert wins). */
export const checkIns = pgTable(
  "check_ins",
  {
    contract: text("contract").notNull(),
    tokenId: uint256("token_id").notNull(),
    holder: text("holder").notNull(),
    gateId: text("gate_id").notNull(),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex("check_ins_ticket_uq").on(t.contract, t.tokenId)],
);
