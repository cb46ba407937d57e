import type { MethodCallCounts } from "../../lib/rpc/rpc-call-stats";

/** What /health, /metrics and the gate learn about sync progress. */
export type BackfillProgress = {
  /** Still catching up with the head (more than one range behind when it started). */
  active: boolean;
  startBlock: number;
  targetBlock: number;
  blocksDone: number;
  blocksTotal: number;
  logsPerSecond: number;
  /** Seconds to the head at the current rate; null while unknown. */
  etaSeconds: number | null;
  elapsedMs: number;
};

export type SyncCounters = {
  logsIndexed: number;
  rangesApplied: number;
  reorgs: number;
  rpcErrors: number;
  rangeShrinks: number;
  /** Ranges whose logs were read ahead while the previous range was written (prefetch.ts). */
  rangesPrefetched: number;
  /** Current eth_getLogs range size. */
  rangeSize: number;
  /** The provider's eth_getLogs cap learned from its refusals (null: it refused nothing yet). */
  rangeCap?: number | null;
  lastRangeMs: number;
};

export type SyncStatus = {
  chainId: number;
  /** Latest chain head seen; null until the first successful read. */
  headBlock: number | null;
  /** Every block up to here is applied (fromBlock - 1 before the first range). */
  indexedBlock: number;
  /** headBlock - indexedBlock; null while the head is unknown. */
  lagBlocks: number | null;
  /** How long the oldest block not yet indexed has been known (0 when caught up); null while the head is unknown. */
  lagMs: number | null;
  /** The head was read and the last sync step succeeded. */
  ok: boolean;
  /** The last step's failure, cleared by the next success. */
  lastError?: string;
  /** When the head was last read (ms since epoch). */
  headCheckedAt: number | null;
  /** leader: holds the sync lease and writes; follower: serves reads from another instance's writes. */
  role: "leader" | "follower";
  /** Leader-only jobs running on this instance (check-in batcher, on-sale admission); set by main.ts. */
  duties?: string[];
  backfill: BackfillProgress | null;
  counters: SyncCounters;
  /** RPC calls by method (lib/rpc/rpc-call-stats.ts); set by main.ts. */
  rpc?: Record<string, MethodCallCounts>;
};

/** Lag in blocks, or null when the head is unknown. */
export function lagOf(status: Pick<SyncStatus, "headBlock" | "indexedBlock">): number | null {
  return status.headBlock === null ? null : Math.max(0, status.headBlock - status.indexedBlock);
}

/** A caught-up leader's status: for tests and benchmarks that run the API or gate without a sync engine. */
export function caughtUpStatus(p: { chainId: number; block: number; headCheckedAt: () => number }): SyncStatus {
  return {
    chainId: p.chainId,
    headBlock: p.block,
    indexedBlock: p.block,
    lagBlocks: 0,
    lagMs: 0,
    ok: true,
    get headCheckedAt() {
      return p.headCheckedAt();
    },
    role: "leader",
    backfill: null,
    counters: {
      logsIndexed: 0,
      rangesApplied: 0,
      reorgs: 0,
      rpcErrors: 0,
      rangeShrinks: 0,
      rangesPrefetched: 0,
      rangeSize: 0,
      lastRangeMs: 0,
    },
  };
}
