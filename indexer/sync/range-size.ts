/**
 * How many blocks the next eth_getLogs range spans. Sized by log count, not only by time: a
 * range's logs are held decoded in memory and written in one transaction, so a dense chain
 * (50 logs a block) must not fetch 2,000 blocks at once (100,000 logs, ~1 GiB of peak RSS),
 * while a sparse one should still reach MAX_BLOCK_RANGE quickly.
 */

/**
 * Logs per range the sizing aims for unless configured (RANGE_TARGET_LOGS). 1,000 rather than 5,000:
 * the bench's peak RSS fell from 313–325 to 295 MiB (the ≤ 300 MiB target) at no measurable
 * cost in logs/s (the prefetch keeps one range ahead, so round trips overlap the writes).
 */
export const DEFAULT_RANGE_TARGET_LOGS = 1_000;

export type RangeSizeLimits = {
  maxBlocks: number;
  /** Aim for about this many logs per range (default DEFAULT_RANGE_TARGET_LOGS). */
  targetLogs?: number;
  /** A range slower than this halves the next one (default 10 s: the log target bounds size; this guards slow providers). */
  slowMs?: number;
};

/** The first range, before anything is known about the chain's density. */
export function initialRangeSize(maxBlocks: number): number {
  return Math.max(1, Math.min(maxBlocks, 100));
}

/**
 * Next range size after a range of `blocks` blocks that held `logs` logs and took `ms`.
 * `full`: the range was as long as asked (not cut short by the head), so it may grow.
 *
 * @example
 * nextRangeSize(100, { blocks: 100, logs: 5_000, ms: 800, full: true }, { maxBlocks: 2_000 }); // 100
 */
export function nextRangeSize(
  current: number,
  last: { blocks: number; logs: number; ms: number; full: boolean },
  limits: RangeSizeLimits,
): number {
  const targetLogs = limits.targetLogs ?? DEFAULT_RANGE_TARGET_LOGS;
  if (last.ms > (limits.slowMs ?? 10_000)) return Math.max(1, Math.floor(current / 2));
  // Blocks that would hold about targetLogs at the density just seen; grow at most 2× a step.
  const ideal = last.logs > 0 ? Math.floor((targetLogs * last.blocks) / last.logs) : Number.POSITIVE_INFINITY;
  const ceiling = last.full ? current * 2 : current;
  return Math.max(1, Math.min(limits.maxBlocks, ceiling, ideal));
}
