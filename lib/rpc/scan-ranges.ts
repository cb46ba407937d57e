/**
 * A log scan over a long block span, in ranges the provider accepts: starts at a common cap
 * (2,000 blocks), learns the real cap from the first refusal (the hinted range when the error
 * gives one, else half) into a RangeCap shared by every scan of the endpoint, and never asks past
 * it again. While no cap is known it grows the range, so a node without caps is read in few calls.
 * A rate limit waits (Retry-After when given) and never shrinks the range.
 */
import type { RangeCap } from "./range-cap";
import { classifyRpcError, mayBeRangeRefusal, retryAfterMs } from "./rpc-errors";

export type ScanOptions<T> = {
  fromBlock: bigint;
  toBlock: bigint;
  cap: RangeCap;
  /** First range while the cap is unknown. */
  initialRange?: number;
  /** Largest range while no cap is known. */
  maxRange?: number;
  /** Stops after the range in which this first holds for the logs read so far (e.g. the one log looked for was found). */
  stopWhen?: (logs: readonly T[]) => boolean;
  /** Waits after a rate limit the transport gave up on (default 3). */
  rateLimitRetries?: number;
  sleep?: (ms: number) => Promise<void>;
};

export const DEFAULT_SCAN_RANGE = 2_000;
const DEFAULT_MAX_RANGE = 1_000_000;

/** A range refused for its size (or with a code that may mean it, worded in no way we know). */
export function isRangeRefusal(err: unknown): boolean {
  const kind = classifyRpcError(err);
  return kind === "range" || (kind === "fatal" && mayBeRangeRefusal(err));
}

/**
 * @example
 * const logs = await scanRanges((from, to) => client.getLogs({ address, fromBlock: from, toBlock: to }), { fromBlock, toBlock, cap });
 */
export async function scanRanges<T>(
  fetch: (from: bigint, to: bigint) => Promise<T[]>,
  o: ScanOptions<T>,
): Promise<T[]> {
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const maxRange = o.maxRange ?? DEFAULT_MAX_RANGE;
  const out: T[] = [];
  let size = o.cap.clamp(Math.min(maxRange, o.initialRange ?? DEFAULT_SCAN_RANGE));
  let from = o.fromBlock;
  let waits = 0;
  // Bounded: every pass advances `from`, shrinks `size` (which stops at 1), or uses up a wait.
  while (from <= o.toBlock) {
    const to = from + BigInt(size) - 1n < o.toBlock ? from + BigInt(size) - 1n : o.toBlock;
    try {
      out.push(...(await fetch(from, to)));
    } catch (err) {
      const span = Number(to - from + 1n);
      if (isRangeRefusal(err) && span > 1) {
        size = o.cap.refused(span, err);
        continue;
      }
      if (classifyRpcError(err) === "rate-limit" && waits < (o.rateLimitRetries ?? 3)) {
        await sleep(retryAfterMs(err) ?? 1_000 * 2 ** waits);
        waits++;
        continue;
      }
      throw err;
    }
    from = to + 1n;
    waits = 0;
    if (o.stopWhen?.(out)) break;
    // Grow towards the cap (or freely while none is known), never past it.
    size = o.cap.clamp(Math.min(maxRange, size * 2));
  }
  return out;
}
