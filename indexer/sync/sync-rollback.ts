/** A reorg: find the newest stored block still on the chain and undo everything above it (undo-log.ts). */
import { applyRollback } from "./apply-range";
import { storedBlocks } from "./cursor";
import { getBlock, reloadKnown, type SyncContext } from "./sync-context";
import { checkChain } from "./sync-load";
import type { StepResult } from "./sync-types";

export async function rollBack(ctx: SyncContext, head: number, reason: string): Promise<StepResult> {
  // Another chain's blocks would all "mismatch" and wipe the mirror down to fromBlock.
  await checkChain(ctx);
  ctx.counters.reorgs++;
  ctx.ahead.clear();
  let ancestor: { number: number; hash: string } | null = null;
  for (const b of await storedBlocks(ctx.db)) {
    if (b.number > head) continue;
    const onChain = await getBlock(ctx, b.number);
    if (onChain.hash!.toLowerCase() === b.hash) {
      ancestor = b;
      break;
    }
  }
  const previous = ctx.cursor;
  const target = ancestor?.number ?? ctx.fromBlock - 1;
  ctx.log(
    ancestor
      ? `reorg: ${reason}; rolling back blocks ${target + 1}..${previous} to common ancestor ${target}`
      : `chain diverged below every stored block (${reason}); re-indexing from block ${ctx.fromBlock}`,
  );
  await applyRollback(ctx.db, {
    cursorId: ctx.cursorId,
    chainId: ctx.chainId,
    expectedCursor: ctx.cursorInDb,
    ancestor: ancestor?.number ?? null,
    fromBlock: ctx.fromBlock,
  });
  ctx.cursor = target;
  ctx.cursorInDb = target;
  ctx.cursorHash = ancestor?.hash ?? null;
  await reloadKnown(ctx);
  ctx.options.onChange?.({ type: "rollback", fromBlock: target + 1, toBlock: previous });
  return { fromBlock: target + 1, toBlock: previous };
}
