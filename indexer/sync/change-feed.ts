/** Fan-out of sync changes to live listeners (the SSE stream); a slow listener never blocks sync. */
import type { SyncChange } from "./sync-engine";

export type ChangeEvent = SyncChange & { id: number; at: string };

export type ChangeFeed = {
  publish(change: SyncChange): void;
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
