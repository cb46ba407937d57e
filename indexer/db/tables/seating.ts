/**
 * Reserved seating, off chain: fans' seat-hold sessions and the holds themselves. Holds are
 * advisory (the chain decides who gets a seat); they keep others from picking a seat someone is
 * paying for, expire by themselves, and survive a restart because they live here.
 */
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import type { VenueLayout } from "../../../lib/seating/venue-layout";

/** A fan signed in (SIWE, nonce purpose `seats`) for one event: the bearer token is stored hashed. */
export const seatSessions = pgTable("seat_sessions", {
  tokenHash: text("token_hash").primaryKey(),
  wallet: text("wallet").notNull(),
  contract: text("contract").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

/** One row per held seat; the primary key is what makes two fans' holds on one seat impossible. */
export const seatHolds = pgTable(
  "seat_holds",
  {
    contract: text("contract").notNull(),
    seatIndex: integer("seat_index").notNull(),
    holder: text("holder").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.contract, t.seatIndex] }), index("seat_holds_holder_idx").on(t.contract, t.holder)],
);

/** An event's venue layout (validated by lib/seating), set by its organizer; seat indexes follow its order. */
export const venueLayouts = pgTable("venue_layouts", {
  contract: text("contract").primaryKey(),
  layout: jsonb("layout").$type<VenueLayout>().notNull(),
  seats: integer("seats").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});
