/**
 * Sync engine: reads the head, checks the last applied block is still on the chain (else
 * rolls back to the common ancestor), fetches the next range's logs with an adaptive
 * eth_getLogs range, and applies them in one transaction with the cursor. Follows new
 * blocks by polling, or at once when a new-heads subscription wakes it. RPC failures are
 * retried, reported in the status and retried later with backoff; they never end the process.
 *
 * The parts: sync-context.ts (state), sync-step.ts (one step), sync-load.ts, sync-rollback.ts,
 * fetch-adaptive.ts, sync-loop.ts (background loop), sync-summary.ts (change and status).
 */
import { describeError } from "../../lib/rpc/rpc-errors";
import { CursorMovedError } from "./cursor";
import { createSyncContext, readHead } from "./sync-context";
import { createWaker, runLoop } from "./sync-loop";
import { stepOnce } from "./sync-step";
import { statusOf } from "./sync-summary";
import type { StepResult, SyncEngine, SyncEngineOptions } from "./sync-types";

export { BlockChangedError, WrongChainError } from "./sync-errors";
export type { StepResult, SyncChange, SyncEngine, SyncEngineOptions } from "./sync-types";

/**
 * @example
 * const sync = createSyncEngine({ client, db, chainId, factory, fromBlock, maxBlockRange: 2000, pollIntervalMs: 500 });
 * await sync.syncToHead();
 * sync.start();
 */
export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const ctx = createSyncContext(options);
  const waker = createWaker();
  let stepping: Promise<unknown> = Promise.resolve();
  let loop: Promise<void> | null = null;
  let unsubscribe: (() => void) | undefined;

  // Steps never overlap: the loop and direct callers queue behind one another.
  function step(): Promise<StepResult | null> {
    const once = () => stepOnce(ctx);
    const run = stepping.then(once, once);
    stepping = run.then(
      () => (ctx.lastError = undefined),
      (err: unknown) => {
        ctx.lastError = describeError(err);
        if (err instanceof CursorMovedError) ctx.loaded = false;
        else ctx.counters.rpcErrors++;
      },
    );
    return run;
  }

  return {
    step,
    wake: () => waker.wake(),
    start() {
      if (loop) return;
      unsubscribe = options.subscribeHeads?.(() => waker.wake());
      loop = runLoop(ctx, step, waker, () => unsubscribe !== undefined);
    },
    async stop() {
      ctx.stopper.abort();
      waker.wake();
      unsubscribe?.();
      await loop;
      await stepping;
      await ctx.lease.release();
    },
    async syncToHead() {
      const target = await readHead(ctx);
      // Each step advances at least one block or rolls back once; the bound guards against a bug.
      for (let i = 0; i < 1_000_000; i++) {
        const applied = await step();
        if (!ctx.leader) return;
        if (applied === null && ctx.cursor >= target) break;
      }
    },
    status: () => statusOf(ctx),
  };
}
