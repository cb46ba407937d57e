/**
 * In-process notices that an event's seats changed (a hold placed or released here), for the seat
 * stream. Chain changes come from the sync change feed; holds placed by another indexer instance
 * on the same PostgreSQL and holds that expire reach clients through their slow polling fallback.
 */
export type SeatEvents = ReturnType<typeof createSeatEvents>;

export function createSeatEvents() {
  const listeners = new Map<string, Set<() => void>>();
  return {
    notify(contract: string) {
      for (const l of listeners.get(contract.toLowerCase()) ?? []) {
        try {
          l();
        } catch {
          // A broken listener is its own problem.
        }
      }
    },
    subscribe(contract: string, listener: () => void): () => void {
      const key = contract.toLowerCase();
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
      };
    },
    listeners: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
}
