/**
 * The background loop: steps while there is work, sleeps between polls (woken early by a new
 * head), backs off after failures, and prints backfill progress now and then.
 */
import { describeError } from "../../lib/rpc/rpc-errors";
import { sleep } from "./retry";
import type { SyncContext } from "./sync-context";
import type { StepResult } from "./sync-types";

/** A pause that `wake()` cuts short; a wake while awake makes the next pause return at once. */
export type Waker = { pause(ms: number, signal: AbortSignal): Promise<void>; wake(): void };

export function createWaker(): Waker {
  let waker: (() => void) | null = null;
  let wokenEarly = false;
  return {
    pause(ms, signal) {
      if (wokenEarly) {
        wokenEarly = false;
        return Promise.resolve();
      }
      return new Promise((resolve) => {
        waker = () => {
          waker = null;
          resolve();
        };
        void sleep(ms, signal).then(() => waker?.());
      });
    },
    wake() {
      if (waker) waker();
      else wokenEarly = true;
    },
  };
}

export async function runLoop(
  ctx: SyncContext,
  step: () => Promise<StepResult | null>,
  waker: Waker,
  subscribed: () => boolean,
): Promise<void> {
  const { options, stopper } = ctx;
  const pollIntervalMs = options.pollIntervalMs;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  let failures = 0;
  let lastLine = 0;
  const every = options.progressIntervalMs ?? 2_000;
  while (!stopper.signal.aborted) {
    try {
      const applied = await step();
      failures = 0;
      if (every > 0) {
        const p = ctx.progress.snapshot();
        if (p && (p.active ? Date.now() - lastLine >= every : lastLine > 0)) {
          ctx.log(ctx.progress.line()!);
          lastLine = p.active ? Date.now() : 0;
        }
      }
      if (!applied) await waker.pause(idlePauseMs(ctx, subscribed()), stopper.signal);
    } catch (err) {
      failures++;
      ctx.log(`step failed (${failures} in a row): ${describeError(err)}`);
      await waker.pause(Math.min(maxBackoffMs, pollIntervalMs * 2 ** Math.min(failures, 10)), stopper.signal);
    }
  }
}

/** Caught up: a leader polls (less often when new heads wake it); a follower re-reads the cursor. */
function idlePauseMs(ctx: SyncContext, subscribed: boolean): number {
  const { pollIntervalMs, subscribedPollMs, followerPollMs } = ctx.options;
  if (!ctx.leader) return followerPollMs ?? Math.max(pollIntervalMs, 1_000);
  return subscribed ? (subscribedPollMs ?? pollIntervalMs) : pollIntervalMs;
}
