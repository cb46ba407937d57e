/**
 * A client-side budget of requests per second (RPC_MAX_RPS): callers wait for a slot instead of
 * being answered 429 by the provider. A token bucket holding one second of requests; waiters are
 * served in arrival order. Clock and sleep are injected so tests step time instead of waiting.
 */
export type RequestBudget = {
  /** Resolves when one request may go. */
  take(): Promise<void>;
};

export function requestBudget(
  rps: number,
  clock: { now: () => number; sleep: (ms: number) => Promise<void> } = realClock,
): RequestBudget {
  if (!(rps > 0)) throw new RangeError(`requests per second must be positive, got ${rps}`);
  let tokens = rps;
  let at = clock.now();
  let queue: Promise<void> = Promise.resolve();
  const refill = () => {
    const t = clock.now();
    tokens = Math.min(rps, tokens + ((t - at) / 1000) * rps);
    at = t;
  };
  const takeOne = async () => {
    refill();
    while (tokens < 1) {
      await clock.sleep(Math.ceil(((1 - tokens) / rps) * 1000));
      refill();
    }
    tokens -= 1;
  };
  return {
    take() {
      const turn = queue.then(takeOne);
      queue = turn;
      return turn;
    },
  };
}

const realClock = { now: () => Date.now(), sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) };
