/**
 * Group commit for the scan hot path: calls that arrive while a query is running (or in the same
 * turn of the event loop) are answered by one query over all their keys. Under a rush this turns
 * N round trips (and N statement parses, the main cost on PGlite) into one; alone, a call waits
 * for nothing but the current turn.
 */
export type MicroBatchOptions = {
  /** Keys per query at most. */
  maxBatch: number;
  /** Queries running at once at most (1 suits PGlite, which runs one statement at a time). */
  maxInFlight: number;
};

/**
 * @example
 * const ownerOf = microBatch(async (ids) => lookUpAll(ids), { maxBatch: 256, maxInFlight: 2 });
 * const owner = await ownerOf(id);
 */
export function microBatch<K, R>(run: (keys: K[]) => Promise<R[]>, opts: MicroBatchOptions): (key: K) => Promise<R> {
  let queue: { key: K; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];
  let inFlight = 0;
  let scheduled = false;

  function pump() {
    scheduled = false;
    while (queue.length > 0 && inFlight < opts.maxInFlight) {
      const batch = queue.slice(0, opts.maxBatch);
      queue = queue.slice(batch.length);
      inFlight++;
      run(batch.map((b) => b.key))
        .then(
          (results) => batch.forEach((b, i) => b.resolve(results[i]!)),
          (err: unknown) => batch.forEach((b) => b.reject(err)),
        )
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  }

  return (key) =>
    new Promise<R>((resolve, reject) => {
      queue.push({ key, resolve, reject });
      if (!scheduled && inFlight < opts.maxInFlight) {
        scheduled = true;
        setImmediate(pump);
      }
    });
}
