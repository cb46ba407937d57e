/** Commits one block range: its logs, the range's last block hash and the cursor, atomically. */
import { blocks } from "../db/schema";
import type { Db } from "../db/types";
import { applyLog } from "../handlers/apply-log";
import { writeCursor } from "./cursor";
import type { IndexedLog } from "./range-logs";

export type RangeBlock = { number: number; hash: string; parentHash: string };

export async function applyRange(
  db: Db,
  args: { cursorId: string; chainId: number; logs: readonly IndexedLog[]; lastBlock: RangeBlock },
): Promise<void> {
  const { lastBlock } = args;
  await db.transaction(async (tx) => {
    for (const log of args.logs) await applyLog(tx, log);
    await tx
      .insert(blocks)
      .values({ number: lastBlock.number, hash: lastBlock.hash.toLowerCase(), parentHash: lastBlock.parentHash.toLowerCase() })
      .onConflictDoUpdate({
        target: blocks.number,
        set: { hash: lastBlock.hash.toLowerCase(), parentHash: lastBlock.parentHash.toLowerCase() },
      });
    await writeCursor(tx, args.cursorId, args.chainId, lastBlock.number);
  });
}
