/** Backfill progress: blocks done / total, logs per second, ETA; and a line for the terminal. */
import type { BackfillProgress } from "./sync-status";

export type ProgressTracker = {
  /** Called after each head read and each applied range. */
  update(indexed: number, head: number, logsIndexed: number): void;
  snapshot(): BackfillProgress | null;
  /** One human line, or null when not backfilling. */
  line(): string | null;
};

/**
 * Starts tracking when the indexer is more than `threshold` blocks behind; reports done once caught up.
 */
export function progressTracker(threshold: number, now: () => number = Date.now): ProgressTracker {
  let state: {
    startBlock: number;
    startLogs: number;
    startedAt: number;
    target: number;
    indexed: number;
    logs: number;
    active: boolean;
  } | null = null;

  function snapshot(): BackfillProgress | null {
    if (!state) return null;
    const elapsedMs = Math.max(1, now() - state.startedAt);
    const blocksTotal = Math.max(0, state.target - state.startBlock);
    const blocksDone = Math.min(blocksTotal, Math.max(0, state.indexed - state.startBlock));
    const logsPerSecond = ((state.logs - state.startLogs) * 1000) / elapsedMs;
    const blocksPerMs = blocksDone / elapsedMs;
    const etaSeconds = !state.active
      ? 0
      : blocksPerMs > 0
        ? Math.round((blocksTotal - blocksDone) / blocksPerMs / 1000)
        : null;
    return {
      active: state.active,
      startBlock: state.startBlock,
      targetBlock: state.target,
      blocksDone,
      blocksTotal,
      logsPerSecond: Math.round(logsPerSecond),
      etaSeconds,
      elapsedMs,
    };
  }

  return {
    update(indexed, head, logs) {
      if (!state?.active && head - indexed > threshold) {
        state = { startBlock: indexed, startLogs: logs, startedAt: now(), target: head, indexed, logs, active: true };
      }
      if (!state) return;
      if (state.active) {
        state.target = Math.max(state.target, head);
        state.indexed = indexed;
        state.logs = logs;
        if (indexed >= state.target) state.active = false;
      }
    },
    snapshot,
    line() {
      const s = snapshot();
      if (!s) return null;
      const pct = s.blocksTotal > 0 ? ((100 * s.blocksDone) / s.blocksTotal).toFixed(1) : "100.0";
      const head = `backfill ${s.blocksDone.toLocaleString("en")}/${s.blocksTotal.toLocaleString("en")} blocks (${pct} %) · ${s.logsPerSecond.toLocaleString("en")} logs/s`;
      return s.active
        ? `${head} · ETA ${s.etaSeconds === null ? "?" : `${s.etaSeconds} s`}`
        : `${head} · done in ${(s.elapsedMs / 1000).toFixed(1)} s`;
    },
  };
}
