/**
 * Everything one sync engine knows: its settings (from the options, with their defaults), where
 * it stands (cursor, known contracts, head, range size) and its counters. The step, rollback and
 * loop modules read and move it; nothing outside the engine sees it.
 */
import { getAddress, type Address, type Block, type PublicClient } from "viem";
import { rangeCap as newRangeCap, type RangeCap } from "../../lib/rpc/range-cap";
import { events } from "../db/schema";
import type { Db } from "../db/types";
import { progressTracker, type ProgressTracker } from "./backfill-progress";
import { cursorId as makeCursorId } from "./cursor";
import { prefetcher, type Prefetcher } from "./prefetch";
import type { RangeLogs } from "./range-logs";
import { initialRangeSize } from "./range-size";
import { withRetry, type RetryOptions } from "./retry";
import { soleLease, type SyncLease } from "./sync-lease";
import type { SyncCounters } from "./sync-status";
import type { SyncEngineOptions } from "./sync-types";

/** One range's logs and its last block, fetched (or read ahead) before it is applied. */
export type FetchedRange = { to: number; block: Block; range: RangeLogs };

export type SyncContext = {
  readonly options: SyncEngineOptions;
  readonly client: PublicClient;
  readonly db: Db;
  readonly chainId: number;
  readonly factory: Address;
  readonly fromBlock: number;
  readonly finalityDepth: number;
  readonly cursorId: string;
  readonly cap: RangeCap;
  readonly sizeLimits: { targetLogs?: number };
  readonly lease: SyncLease;
  readonly log: (line: string) => void;
  readonly progress: ProgressTracker;
  readonly counters: SyncCounters;
  /** Retry settings of every RPC call, cut short by stop(). */
  readonly rpc: RetryOptions;
  readonly stopper: AbortController;
  readonly ahead: Prefetcher<FetchedRange>;
  loaded: boolean;
  leader: boolean;
  /** Every block up to here is applied. */
  cursor: number;
  /** What the DB's cursor row says (null: no row yet): the compare-and-set expectation. */
  cursorInDb: number | null;
  cursorHash: string | null;
  known: Address[];
  market: Address | null;
  waitlist: Address | null;
  marketRead: boolean;
  rangeSize: number;
  headBlock: number | null;
  headCheckedAt: number | null;
  /** Head numbers in the order first seen, with when: the oldest one above the cursor gives lagMs. */
  pendingHeads: { n: number; at: number }[];
  lastError: string | undefined;
};

export function createSyncContext(options: SyncEngineOptions): SyncContext {
  const cap = options.rangeCap ?? newRangeCap();
  const stopper = new AbortController();
  const retry = options.retry ?? { attempts: 4, baseDelayMs: 100, maxDelayMs: 2_000 };
  const rangeSize = initialRangeSize(cap.clamp(options.maxBlockRange));
  return {
    options,
    client: options.client,
    db: options.db,
    chainId: options.chainId,
    factory: options.factory,
    fromBlock: options.fromBlock,
    finalityDepth: options.finalityDepth ?? 64,
    cursorId: makeCursorId(options.chainId, options.factory),
    cap,
    sizeLimits: options.rangeTargetLogs !== undefined ? { targetLogs: options.rangeTargetLogs } : {},
    lease: options.lease ?? soleLease(),
    log: options.log ?? ((line: string) => console.warn(`[sync] ${line}`)),
    // More than 100 blocks behind counts as a backfill worth reporting.
    progress: progressTracker(100),
    counters: {
      logsIndexed: 0,
      rangesApplied: 0,
      reorgs: 0,
      rpcErrors: 0,
      rangeShrinks: 0,
      rangesPrefetched: 0,
      rangeSize,
      lastRangeMs: 0,
    },
    rpc: { ...retry, signal: stopper.signal },
    stopper,
    ahead: prefetcher<FetchedRange>(),
    loaded: false,
    leader: false,
    cursor: options.fromBlock - 1,
    cursorInDb: null,
    cursorHash: null,
    known: [],
    market: null,
    waitlist: null,
    marketRead: false,
    rangeSize,
    headBlock: null,
    headCheckedAt: null,
    pendingHeads: [],
    lastError: undefined,
  };
}

/** Never past the provider's learned cap, so neither the next range nor the read-ahead asks for what it refused. */
export function rangeLimits(ctx: SyncContext): { maxBlocks: number; targetLogs?: number } {
  return { maxBlocks: ctx.cap.clamp(ctx.options.maxBlockRange), ...ctx.sizeLimits };
}

/** The chain's head now (never a cached answer). */
export async function readHead(ctx: SyncContext): Promise<number> {
  return Number(await withRetry(() => ctx.client.getBlockNumber({ cacheTime: 0 }), ctx.rpc));
}

export function getBlock(ctx: SyncContext, n: number): Promise<Block> {
  return withRetry(() => ctx.client.getBlock({ blockNumber: BigInt(n) }), ctx.rpc) as Promise<Block>;
}

export function noteHead(ctx: SyncContext, head: number): void {
  ctx.headBlock = head;
  ctx.headCheckedAt = Date.now();
  const last = ctx.pendingHeads[ctx.pendingHeads.length - 1];
  if (!last || head > last.n) ctx.pendingHeads.push({ n: head, at: ctx.headCheckedAt });
  trimPending(ctx);
  ctx.progress.update(ctx.cursor, head, ctx.counters.logsIndexed);
}

export function trimPending(ctx: SyncContext): void {
  // The first entry above the cursor stands for the oldest unindexed block.
  while (ctx.pendingHeads.length > 0 && ctx.pendingHeads[0]!.n <= ctx.cursor) ctx.pendingHeads.shift();
  if (ctx.pendingHeads.length > 1000) ctx.pendingHeads = ctx.pendingHeads.slice(-1000);
}

/** The event contracts the mirror holds: whose logs every range asks for. */
export async function reloadKnown(ctx: SyncContext): Promise<void> {
  const rows = await ctx.db.select({ address: events.address }).from(events);
  ctx.known = rows.map((r) => getAddress(r.address));
}
