/**
 * Commits one block range: its logs, the range's last block hash and the cursor, atomically. A
 * range above `finalBlock` records its mirror writes for reorg undo (undo-log.ts).
 */
import { blocks } from "../db/schema";
import type { Db } from "../db/types";
import { applyLogs } from "../handlers/apply-logs";
import type { ChainLog } from "./chain-logs";
import { advanceCursor } from "./cursor";
import type { EventRules } from "./read-event-rules";
import { clearChainData, pruneFinal, recordWritesAt, rollbackAbove } from "./undo-log";

export type RangeBlock = { number: number; hash: string; parentHash: string };

export async function applyRange(
  db: Db,
  args: {
    cursorId: string;
    chainId: number;
    /** The cursor this range starts from (CursorMovedError if the DB disagrees). */
    expectedCursor: number | null;
    logs: readonly ChainLog[];
    newEvents: ReadonlyMap<string, EventRules>;
    lastBlock: RangeBlock;
    /** Blocks at or below this are final (head − FINALITY_DEPTH): no reorg reaches them. */
    finalBlock: number;
  },
): Promise<void> {
  const { lastBlock } = args;
  const hash = lastBlock.hash.toLowerCase();
  const parentHash = lastBlock.parentHash.toLowerCase();
  await db.transaction(async (tx) => {
    await advanceCursor(tx, args.cursorId, args.chainId, args.expectedCursor, lastBlock.number);
    if (lastBlock.number > args.finalBlock) await recordWritesAt(tx, lastBlock.number);
    await applyLogs(tx, args.logs, args.newEvents);
    await tx
      .insert(blocks)
      .values({ number: lastBlock.number, hash, parentHash })
      .onConflictDoUpdate({ target: blocks.number, set: { hash, parentHash } });
    await pruneFinal(tx, args.finalBlock);
  });
}

/** Rolls the mirror back to `ancestor` (or clears it when null) and moves the cursor there, atomically. */
export async function applyRollback(
  db: Db,
  args: {
    cursorId: string;
    chainId: number;
    expectedCursor: number | null;
    ancestor: number | null;
    fromBlock: number;
  },
): Promise<void> {
  await db.transaction(async (tx) => {
    const target = args.ancestor ?? args.fromBlock - 1;
    await advanceCursor(tx, args.cursorId, args.chainId, args.expectedCursor, target);
    if (args.ancestor === null) await clearChainData(tx);
    else await rollbackAbove(tx, args.ancestor);
  });
}
