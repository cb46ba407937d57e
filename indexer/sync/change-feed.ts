/** Fan-out of sync changes and gate admissions to live listeners (the SSE stream); a slow listener never blocks sync. */
import { getAddress } from "viem";
import type { SyncChange } from "./sync-engine";

/** Tickets a gate of this server admitted (recorded, not yet on chain): screens showing them refresh at once. */
export type AdmissionChange = { type: "admission"; contracts: string[]; tickets: number };

export type FeedChange = SyncChange | AdmissionChange;

export type ChangeEvent = FeedChange & { id: number; at: string };

export type ChangeFeed = {
  publish(change: FeedChange): void;
  /** Calls `listener` for every later change; returns the unsubscribe function. */
  subscribe(listener: (event: ChangeEvent) => void): () => void;
  /** Changes after `id` still in the replay buffer (for Last-Event-ID reconnects). */
  since(id: number): ChangeEvent[];
  listeners(): number;
};

export function createChangeFeed(bufferSize = 256): ChangeFeed {
  const listeners = new Set<(event: ChangeEvent) => void>();
  const buffer: ChangeEvent[] = [];
  let next = 1;
  return {
    publish(change) {
      const event: ChangeEvent = { ...change, id: next++, at: new Date().toISOString() };
      buffer.push(event);
      if (buffer.length > bufferSize) buffer.shift();
      for (const l of listeners) {
        try {
          l(event);
        } catch {
          // A broken listener is its own problem.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    since(id) {
      return buffer.filter((e) => e.id > id);
    },
    listeners: () => listeners.size,
  };
}

/**
 * Admissions → one `admission` change per short window (a gate rush is thousands of scans a minute; every
 * open page refetches on a change): the first admission after a quiet spell waits at most `windowMs`.
 */
export function admissionNotifier(
  feed: Pick<ChangeFeed, "publish">,
  windowMs = 100,
): (contract: string, tokenIds: readonly string[]) => void {
  const contracts = new Set<string>();
  let tickets = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    feed.publish({ type: "admission", contracts: [...contracts], tickets });
    contracts.clear();
    tickets = 0;
  };
  return (contract, tokenIds) => {
    if (tokenIds.length === 0) return;
    contracts.add(getAddress(contract));
    tickets += tokenIds.length;
    timer ??= setTimeout(flush, windowMs);
    timer.unref?.();
  };
}
