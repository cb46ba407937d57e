/** Token bucket per device (session): a stolen or buggy scanner cannot flood the gate. */

export type RateLimiter = { take(key: string): boolean };

/** Devices idle this long are forgotten (their bucket would be full again anyway). */
const IDLE_MS = 60_000;
const MAX_KEYS = 100_000;

export function createRateLimiter(opts: { perSecond: number; burst: number; now?: () => number }): RateLimiter {
  // Wall-clock time, not the gate's (injectable) clock: a rate is about real seconds.
  const now = opts.now ?? (() => performance.now());
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    take(key) {
      const t = now();
      let b = buckets.get(key);
      if (!b || t - b.at > IDLE_MS) {
        if (!b && buckets.size >= MAX_KEYS) {
          for (const [k, v] of buckets) if (t - v.at > IDLE_MS) buckets.delete(k);
        }
        b = { tokens: opts.burst, at: t };
        buckets.set(key, b);
      }
      b.tokens = Math.min(opts.burst, b.tokens + (Math.max(0, t - b.at) / 1000) * opts.perSecond);
      b.at = t;
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
  };
}
