/** Chain mirror: what the sync engine writes from logs. Rolled back on reorgs. */
import { index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { blockNumber, uint256 } from "./columns";

/** One row per `EventCreated` from the factory: the event's EventTicket contract. */
export const events = pgTable("events", {
  address: text("address").primaryKey(),
  eventId: uint256("event_id").notNull(),
  organizer: text("organizer").notNull(),
  name: text("name").notNull(),
  // uint64 does not fit int8, so numeric.
  startTime: numeric("start_time", { precision: 20, scale: 0, mode: "bigint" }).notNull(),
  createdBlock: blockNumber("created_block").notNull(),
  createdTx: text("created_tx").notNull(),
});

/** Current owner of every ticket ever minted (burned tickets keep a row, owned by 0x0). */
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
  },
  (t) => [primaryKey({ columns: [t.contract, t.tokenId] }), index("tickets_owner_idx").on(t.owner)],
);

/** Every ERC-721 Transfer of a known event contract: full provenance, mints included (from = 0x0). */
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
  },
  (t) => [
    uniqueIndex("transfers_block_log_uq").on(t.blockNumber, t.logIndex),
    index("transfers_token_idx").on(t.contract, t.tokenId),
  ],
);

/** Sync progress, one row per (chain, factory): every block up to `blockNumber` is applied. */
export const syncCursor = pgTable("sync_cursor", {
  id: text("id").primaryKey(),
  chainId: integer("chain_id").notNull(),
  blockNumber: blockNumber("block_number").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Hashes of processed blocks (each range's last block), for reorg detection. */
export const blocks = pgTable("blocks", {
  number: blockNumber("number").primaryKey(),
  hash: text("hash").notNull(),
  parentHash: text("parent_hash").notNull(),
});
