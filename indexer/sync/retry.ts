/** Bounded retry with exponential backoff, for RPC calls that fail transiently. */

export type RetryOptions = {
  /** Total tries, the first included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Stops retrying (and sleeping) once aborted. */
  signal?: AbortSignal;
};

/**
 * Runs `fn` until it resolves or `attempts` tries have failed; rethrows the last error.
 *
 * @example
 * const head = await withRetry(() => client.getBlockNumber(), { attempts: 3 });
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 3, baseDelayMs = 100, maxDelayMs = 2_000, signal } = options;
  let lastError: unknown;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await fn();
    } catch (err) {
      lastError = err;
      if (attempt === attempts - 1 || signal?.aborted) break;
      await sleep(Math.min(maxDelayMs, baseDelayMs * 2 ** attempt), signal);
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
