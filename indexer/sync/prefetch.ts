/**
 * Read-ahead for backfill: the next range's eth_getLogs runs while the current range is written,
 * so the RPC node's work overlaps the database's. At most one range ahead (bounded memory). The
 * sync engine prefetches only ranges deeper than FINALITY_DEPTH below the head (a reorg cannot
 * reach them) and only while the set of known contracts stays the same; anything else (a new
 * event in the range being written, a rollback, a reload) throws the read-ahead away. The
 * engine runs the same reorg checks on a prefetched range as on one fetched on the spot.
 */

type Slot<T> = { from: number; key: unknown; result: Promise<T | null> };

export type Prefetcher<T> = {
  /** Starts fetching the range beginning at `from`; `key` must be the same at `take` time (e.g. the known-contract list). */
  start(from: number, key: unknown, fetch: () => Promise<T>): void;
  /** The read-ahead for `from` if it matches and succeeded, else null (the caller fetches itself). */
  take(from: number, key: unknown): Promise<T | null>;
  /** Forgets any read-ahead (rollback, reload). */
  clear(): void;
};

/**
 * @example
 * const ahead = prefetcher<Fetched>();
 * const fetched = (await ahead.take(from, known)) ?? (await fetchRange(from, to));
 * ahead.start(to + 1, known, () => fetchRange(to + 1, nextTo));
 */
export function prefetcher<T>(): Prefetcher<T> {
  let slot: Slot<T> | null = null;
  return {
    start(from, key, fetch) {
      // A failed read-ahead is not an error: the step that needs the range fetches it again and reports.
      slot = { from, key, result: fetch().catch(() => null) };
    },
    async take(from, key) {
      const s = slot;
      slot = null;
      if (!s) return null;
      const result = await s.result;
      return s.from === from && s.key === key ? result : null;
    },
    clear() {
      slot = null;
    },
  };
}
