/**
 * Off-chain event content (description, venue, image, time zone, door time, tier names), one row
 * per event, signed by the event's organizer (lib/event-content). Not chain state: a reorg does
 * not touch it, and a newer signed version replaces the row.
 */
import { bigint, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { StoredEventContent } from "../../../lib/event-content/content-schema";

export const eventContent = pgTable("event_content", {
  contract: text("contract").primaryKey(),
  /** The organizer's version number; only a higher one replaces the row. */
  version: bigint("version", { mode: "number" }).notNull(),
  /** The content as signed, except an uploaded image, whose bytes live in `image_base64`. */
  content: jsonb("content").$type<StoredEventContent>().notNull(),
  /** An uploaded image (base64, capped by lib/event-content) and its media type; null otherwise. */
  imageBase64: text("image_base64"),
  imageType: text("image_type"),
  signer: text("signer").notNull(),
  signature: text("signature").notNull(),
  contentHash: text("content_hash").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
});
