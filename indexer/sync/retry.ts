/** Bounded retry with exponential backoff and jitter, for RPC calls that fail transiently. */
import { classifyRpcError, retryAfterMs } from "../../lib/rpc/rpc-errors";

export type RetryOptions = {
  /** Total tries, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Stops retrying (and sleeping) once aborted. */
  signal?: AbortSignal;
  /** Which failures are worth another try; default: timeouts, rate limits, 5xx, network (see lib/rpc/rpc-errors.ts). */
  shouldRetry?: (err: unknown) => boolean;
};

const retryable = (err: unknown) => {
  const kind = classifyRpcError(err);
  return kind === "retryable" || kind === "rate-limit";
};

/**
 * Runs `fn` until it resolves, fails with a non-retryable error, or `attempts` tries have failed;
 * rethrows the last error.
 *
 * @example
 * const head = await withRetry(() => client.getBlockNumber(), { attempts: 3 });
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 3, baseDelayMs = 100, maxDelayMs = 2_000, signal, shouldRetry = retryable } = options;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await fn();
    } catch (err) {
      lastError = err;
      if (attempt === attempts - 1 || signal?.aborted || !shouldRetry(err)) break;
      // A rate limit that says how long to wait is waited out as asked; otherwise full jitter,
      // so many indexers behind one provider do not retry in lockstep.
      const asked = retryAfterMs(err);
      const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
      await sleep(asked !== undefined ? Math.min(asked, 30_000) : cap / 2 + Math.random() * (cap / 2), signal);
    }
  }
  throw lastError;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
