/**
 * One sync step: take (or follow) the lease, read the head, roll back if the chain moved under the
 * cursor, else fetch the next range (or take its read-ahead) and apply it with the cursor.
 */
import { getAddress } from "viem";
import { applyRange } from "./apply-range";
import { fetchAdaptive } from "./fetch-adaptive";
import { readCursor } from "./cursor";
import { nextRangeSize } from "./range-size";
import { getBlock, noteHead, rangeLimits, readHead, trimPending, type SyncContext } from "./sync-context";
import { BlockChangedError } from "./sync-errors";
import { hashAt, loadState } from "./sync-load";
import { rollBack } from "./sync-rollback";
import { summariseRange } from "./sync-summary";
import type { StepResult } from "./sync-types";

/** How long a head read stays good enough to size backfill ranges by. */
const HEAD_REUSE_MS = 10_000;

export async function stepOnce(ctx: SyncContext): Promise<StepResult | null> {
  const isLeader = await ctx.lease.tryAcquire();
  if (isLeader !== ctx.leader) {
    ctx.leader = isLeader;
    ctx.loaded = false; // the other instance moved the cursor while we followed
    if (isLeader) ctx.log("leading: this instance syncs");
    ctx.options.onLeadership?.(isLeader);
  }
  if (!ctx.leader) return follow(ctx);
  if (!ctx.loaded) await loadState(ctx);

  const reuseHead = deepInBackfill(ctx);
  const head = reuseHead ? ctx.headBlock! : await readHead(ctx);
  if (!reuseHead) noteHead(ctx, head);
  if (ctx.cursor > head) {
    // A load-balanced RPC may answer from a backend a few blocks behind: if our last block is
    // still on the chain, the head was stale, not reorged; rolling back would hide real rows.
    if (ctx.cursorHash !== null && (await hashAt(ctx, ctx.cursor)) === ctx.cursorHash) return null;
    return rollBack(ctx, head, `head ${head} is below indexed block ${ctx.cursor}`);
  }
  if (ctx.cursor === head) return null;
  return applyNextRange(ctx, head);
}

/** Not the leader: mirror the leader's progress from the database. */
async function follow(ctx: SyncContext): Promise<null> {
  const before = ctx.cursor;
  ctx.cursor = (await readCursor(ctx.db, ctx.cursorId)) ?? ctx.fromBlock - 1;
  noteHead(ctx, await readHead(ctx));
  const onChange = ctx.options.onChange;
  if (ctx.cursor > before)
    onChange?.({ type: "range", fromBlock: before + 1, toBlock: ctx.cursor, logs: 0, events: {}, contracts: [] });
  if (ctx.cursor < before) onChange?.({ type: "rollback", fromBlock: ctx.cursor + 1, toBlock: before });
  return null;
}

/**
 * Far behind a head read moments ago: the next range ends well below it whatever the head is
 * now, so reading it again would only cost a call per range (a provider's quota). Re-read at
 * least every HEAD_REUSE_MS, so lag and /health stay current during a long backfill.
 */
function deepInBackfill(ctx: SyncContext): boolean {
  return (
    ctx.loaded &&
    ctx.headBlock !== null &&
    ctx.headCheckedAt !== null &&
    Date.now() - ctx.headCheckedAt < HEAD_REUSE_MS &&
    ctx.cursor + ctx.rangeSize + ctx.finalityDepth < ctx.headBlock
  );
}

async function applyNextRange(ctx: SyncContext, head: number): Promise<StepResult | null> {
  const from = ctx.cursor + 1;
  const started = Date.now();
  const prefetched = await ctx.ahead.take(from, ctx.known);
  if (prefetched) ctx.counters.rangesPrefetched++;
  const { to, block, range } =
    prefetched ?? (await fetchAdaptive(ctx, from, Math.min(head, ctx.cursor + ctx.rangeSize)));
  const finalBlock = head - ctx.finalityDepth;
  // Deep backfill: fetch the next range while this one is written (see prefetch.ts for why this is safe).
  const nextSize = nextRangeSize(
    ctx.rangeSize,
    { blocks: to - from + 1, logs: range.logs.length, ms: 0, full: to - from + 1 >= ctx.rangeSize },
    rangeLimits(ctx),
  );
  const nextTo = Math.min(finalBlock, to + nextSize);
  const known = ctx.known;
  if (range.newEvents.size === 0 && nextTo > to)
    ctx.ahead.start(to + 1, known, () => fetchAdaptive(ctx, to + 1, nextTo));

  // Is the last applied block still the chain's? Block `to` links back to it when adjacent.
  if (ctx.cursorHash !== null) {
    const linked = to === from ? block.parentHash.toLowerCase() : (await getBlock(ctx, ctx.cursor)).hash!.toLowerCase();
    if (linked !== ctx.cursorHash) return rollBack(ctx, head, `block ${ctx.cursor} hash changed`);
  }
  const hash = block.hash!.toLowerCase();
  if (range.logs.some((l) => Number(l.blockNumber) === to && l.blockHash.toLowerCase() !== hash)) {
    throw new BlockChangedError(`block ${to} changed while its logs were read`);
  }

  await applyRange(ctx.db, {
    cursorId: ctx.cursorId,
    chainId: ctx.chainId,
    expectedCursor: ctx.cursorInDb,
    logs: range.logs,
    newEvents: range.newEvents,
    lastBlock: { number: to, hash, parentHash: block.parentHash },
    finalBlock,
  });
  ctx.cursor = to;
  ctx.cursorInDb = to;
  ctx.cursorHash = hash;
  // A new array only when it changes: the read-ahead is keyed on this list's identity.
  if (range.newEvents.size > 0) ctx.known = [...ctx.known, ...[...range.newEvents.keys()].map((a) => getAddress(a))];
  ctx.counters.logsIndexed += range.logs.length;
  ctx.counters.rangesApplied++;
  ctx.counters.lastRangeMs = Date.now() - started;
  trimPending(ctx);
  ctx.progress.update(ctx.cursor, head, ctx.counters.logsIndexed);

  ctx.rangeSize = nextRangeSize(
    ctx.rangeSize,
    {
      blocks: to - from + 1,
      logs: range.logs.length,
      ms: ctx.counters.lastRangeMs,
      full: to - from + 1 >= ctx.rangeSize,
    },
    rangeLimits(ctx),
  );
  ctx.counters.rangeSize = ctx.rangeSize;

  ctx.options.onChange?.(summariseRange(from, to, range));
  return { fromBlock: from, toBlock: to };
}
