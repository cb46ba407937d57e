/**
 * The largest eth_getLogs block range a provider accepts, learned from its first refusal and
 * never exceeded again. Hosted providers cap ranges (2,000 blocks is common, some 500); probing
 * past the cap after every success wastes a call each time, and a cap found by one scan holds
 * for every other scan of the same endpoint, so caps are shared per RPC URL within a process.
 */
import { rangeHint } from "./rpc-errors";

export type RangeCap = {
  /** Largest range (blocks) to ask for, or undefined while the provider refused nothing. */
  readonly blocks: number | undefined;
  /**
   * A range of `attempted` blocks was refused: learns the size the refusal names (its hinted
   * range or stated cap) when smaller, else half the attempt. Returns the range to try next.
   */
  refused(attempted: number, err: unknown): number;
  /** `blocks` limited to the learned cap. */
  clamp(blocks: number): number;
};

export function rangeCap(initial?: number): RangeCap {
  let cap = initial;
  return {
    get blocks() {
      return cap;
    },
    refused(attempted, err) {
      const hint = rangeHint(err);
      const next = Math.max(1, hint !== undefined && hint < attempted ? hint : Math.floor(attempted / 2));
      cap = cap === undefined ? next : Math.min(cap, next);
      return cap;
    },
    clamp(blocks) {
      return Math.max(1, cap === undefined ? blocks : Math.min(blocks, cap));
    },
  };
}

const shared = new Map<string, RangeCap>();

/**
 * The one cap of an endpoint, for every scan in this process.
 *
 * @example
 * const cap = sharedRangeCap(config.rpcUrl);
 * const to = from + cap.clamp(2_000) - 1;
 */
export function sharedRangeCap(rpcUrl: string): RangeCap {
  let cap = shared.get(rpcUrl);
  if (!cap) shared.set(rpcUrl, (cap = rangeCap()));
  return cap;
}
