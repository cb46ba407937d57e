/**
 * Background jobs that must run on one instance only (the on-chain check-in batcher, the on-sale
 * admission loop): they follow the sync lease. The sync engine reports when this instance gains
 * or loses the lease; the duties start and stop with it, so when the holder dies the instance
 * that takes the lease over also takes the duties over. With PGlite the lease is always ours.
 */

/** A job that can be started, and stopped (waiting for its work in flight). */
export type Duty = { name: string; start(): { stop(): Promise<void> } };

export type LeaderDuties = {
  /** Called with every lease check's result; starts or stops the duties on a change. */
  setLeader(leader: boolean): void;
  /** Whether the duties are running now. */
  running(): boolean;
  /** Names of the duties running now (empty on a follower). */
  names(): string[];
  /** Stops the duties for good (shutdown); waits for any start/stop in progress. */
  stop(): Promise<void>;
};

/**
 * @example
 * const duties = leaderDuties([{ name: "check-in batcher", start: () => { batcher.start(); return batcher; } }], log);
 * const sync = createSyncEngine({ ...options, onLeadership: duties.setLeader });
 */
export function leaderDuties(duties: readonly Duty[], log: (line: string) => void = () => {}): LeaderDuties {
  let active: { name: string; stop(): Promise<void> }[] | null = null;
  let wanted = false;
  let closed = false;
  // Transitions run one after another: a quick lose-regain never runs two copies of a duty.
  let queue: Promise<void> = Promise.resolve();

  const transition = () =>
    (queue = queue.then(async () => {
      const want = wanted && !closed;
      if (want && !active) {
        if (duties.length === 0) return;
        active = duties.map((d) => ({ name: d.name, ...d.start() }));
        log(`leader: started ${active.map((d) => d.name).join(", ")}`);
      } else if (!want && active) {
        const stopping = active;
        active = null;
        await Promise.all(
          stopping.map((d) =>
            d.stop().catch((err: unknown) => log(`leader: stopping ${d.name} failed: ${(err as Error).message}`)),
          ),
        );
        log(`leader: stopped ${stopping.map((d) => d.name).join(", ")}${closed ? " (shutdown)" : " (lease lost)"}`);
      }
    }));

  return {
    setLeader(leader) {
      if (leader === wanted || closed) return;
      wanted = leader;
      void transition();
    },
    running: () => active !== null,
    names: () => active?.map((d) => d.name) ?? [],
    async stop() {
      closed = true;
      await transition();
    },
  };
}
