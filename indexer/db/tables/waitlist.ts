/** Waitlist queues (contract `Waitlist`): one row per join, closed when the wallet leaves the queue. */
import { index, integer, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { blockNumber, uint256 } from "./columns";

/**
 * `WaitlistJoined` opens a row; `WaitlistLeft`, or `TicketReturned` to the wallet, closes it (a wallet
 * at the wallet cap is never evicted: it keeps its place).
 * Open rows of one (contract, tier) ordered by `seq` are the queue, so a wallet's position is its
 * rank among them. Append-only plus closing columns, like `listings`.
 * closed_reason: left | served; served rows name the returned token and who returned it.
 */
export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    blockNumber: blockNumber("block_number").notNull(),
    logIndex: integer("log_index").notNull(),
    txHash: text("tx_hash").notNull(),
    contract: text("contract").notNull(),
    tier: integer("tier").notNull(),
    wallet: text("wallet").notNull(),
    seq: blockNumber("seq").notNull(),
    deposit: uint256("deposit").notNull(),
    closedBlock: blockNumber("closed_block"),
    closedLogIndex: integer("closed_log_index"),
    closedReason: text("closed_reason"),
    servedTokenId: uint256("served_token_id"),
    returnedBy: text("returned_by"),
  },
  (t) => [
    uniqueIndex("waitlist_entries_block_log_uq").on(t.blockNumber, t.logIndex),
    index("waitlist_entries_queue_idx").on(t.contract, t.tier, t.seq),
    index("waitlist_entries_wallet_idx").on(t.wallet),
  ],
);
