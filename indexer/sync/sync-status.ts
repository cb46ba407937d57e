/** What /health and the gate learn about sync progress. */
export type SyncStatus = {
  chainId: number;
  /** Latest chain head seen; null until the first successful read. */
  headBlock: number | null;
  /** Every block up to here is applied (fromBlock - 1 before the first range). */
  indexedBlock: number;
  /** headBlock - indexedBlock; null while the head is unknown. */
  lagBlocks: number | null;
  /** The head was read and the last sync step succeeded. */
  ok: boolean;
  /** The last step's failure, cleared by the next success. */
  lastError?: string;
  /** When the head was last read (ms since epoch). */
  headCheckedAt: number | null;
};

/** Lag in blocks, or null when the head is unknown. */
export function lagOf(status: Pick<SyncStatus, "headBlock" | "indexedBlock">): number | null {
  return status.headBlock === null ? null : Math.max(0, status.headBlock - status.indexedBlock);
}
