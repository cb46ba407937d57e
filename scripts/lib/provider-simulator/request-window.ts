/**
 * A provider's requests-per-second limit: a token bucket holding at most one second of requests,
 * refilled continuously. The clock is injected so tests step it instead of waiting.
 */
export type RequestWindow = {
  /** Takes `n` requests from the budget; false (and takes nothing) when they do not fit. */
  take(n: number): boolean;
  /** Whole seconds until `n` requests fit again (a Retry-After value, at least 1). */
  retryAfterSeconds(n: number): number;
};

export function requestWindow(rps: number, now: () => number = Date.now): RequestWindow {
  let tokens = rps;
  let at = now();
  const refill = () => {
    const t = now();
    tokens = Math.min(rps, tokens + ((t - at) / 1000) * rps);
    at = t;
  };
  return {
    take(n) {
      refill();
      if (tokens < n) return false;
      tokens -= n;
      return true;
    },
    retryAfterSeconds(n) {
      refill();
      return Math.max(1, Math.ceil((Math.min(n, rps) - tokens) / rps));
    },
  };
}
