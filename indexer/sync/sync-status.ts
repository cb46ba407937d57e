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
  /** Current eth_getLogs range size. */
  rangeSize: number;
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
  backfill: BackfillProgress | null;
  counters: SyncCounters;
};

/** Lag in blocks, or null when the head is unknown. */
export function lagOf(status: Pick<SyncStatus, "headBlock" | "indexedBlock">): number | null {
  return status.headBlock === null ? null : Math.max(0, status.headBlock - status.indexedBlock);
}
