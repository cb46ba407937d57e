/** fetch with at most `max` requests in flight: thousands of agents, one loopback server. */
export function limitedFetch(max: number): typeof fetch {
  let active = 0;
  const queue: (() => void)[] = [];
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    if (active >= max) await new Promise<void>((r) => queue.push(r));
    active++;
    try {
      return await fetch(input, init);
    } finally {
      active--;
      queue.shift()?.();
    }
  }) as typeof fetch;
}
