/**
 * The right to sync. Several instances may share one PostgreSQL; only the holder of the
 * lease writes the chain mirror, the others serve reads. The cursor compare-and-set in
 * apply-range.ts is the second line of defence if two ever believe they hold it.
 */
export type SyncLease = {
  /** Takes the lease if free; true while held. Cheap to call on every step. */
  tryAcquire(): Promise<boolean>;
  /** Whether the lease is held right now (false after the holding connection broke). */
  held(): boolean;
  release(): Promise<void>;
};

/** PGlite: one process per data folder, so the lease is always ours. */
export function soleLease(): SyncLease {
  return { tryAcquire: async () => true, held: () => true, release: async () => {} };
}
