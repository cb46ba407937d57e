"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { useIndexerClient } from "../hooks/useIndexerClient";
import { invalidateIndexerViews, invalidateOnChange } from "./invalidate-on-change";

/** While the change stream is down, views fall back to polling this often. */
export const FALLBACK_REFETCH_MS = 4_000;

export type LiveState = { live: boolean; changes: number };

type LiveContextValue = LiveState & { want: () => () => void };

const LiveContext = createContext<LiveContextValue>({ live: false, changes: 0, want: () => () => {} });

/**
 * Listens to the indexer's `/stream` (Server-Sent Events) for the whole page and invalidates the
 * React Query caches a change can affect, so lists and views refresh when a block with Fairgate
 * logs lands instead of polling. Reconnects by itself (lib/indexer-client `watchChanges`).
 * The stream is open only while a mounted view wants it (`useLiveRefetchInterval`), so pages
 * without live data (the full-screen pass) keep no connection open.
 */
export function LiveUpdates({ children }: { children: ReactNode }) {
  const indexer = useIndexerClient();
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>({ live: false, changes: 0 });
  const [wanted, setWanted] = useState(0);
  const want = useCallback(() => {
    setWanted((n) => n + 1);
    return () => setWanted((n) => n - 1);
  }, []);
  const active = wanted > 0;

  useEffect(() => {
    if (!active) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const contracts = new Set<string>();
    let rollback = false;
    let admitted = false;
    let connectedBefore = false;
    // Several ranges can land within a few ms (a burst of blocks): refetch once for all of them.
    const flush = () => {
      timer = undefined;
      // A gate admission alone changes only what the indexer says (the chain learns it from the batcher, as a range).
      if (contracts.size > 0 || rollback) void invalidateOnChange(queryClient, { contracts: [...contracts], rollback });
      else if (admitted) void invalidateIndexerViews(queryClient);
      contracts.clear();
      rollback = false;
      admitted = false;
    };
    const stop = indexer.watchChanges(
      (change) => {
        if (change.type === "range") change.contracts.forEach((c) => contracts.add(c.toLowerCase()));
        else if (change.type === "admission") admitted = true;
        else rollback = true;
        setState((s) => ({ live: true, changes: s.changes + 1 }));
        timer ??= setTimeout(flush, 150);
      },
      {
        retryMs: 2_000,
        onReady: () => {
          setState((s) => ({ ...s, live: true }));
          // A reconnect: whatever happened while we were away, refetch once. On the first connect the chain views
          // were just read; only indexer views can have missed a change applied before the stream started.
          if (connectedBefore) void invalidateOnChange(queryClient, { contracts: [], rollback: true });
          else void invalidateIndexerViews(queryClient);
          connectedBefore = true;
        },
        onError: () => setState((s) => ({ ...s, live: false })),
      },
    );
    // The browser lost its network: an open stream may linger silently, so poll until it proves itself again.
    const offline = () => setState((s) => ({ ...s, live: false }));
    window.addEventListener("offline", offline);
    return () => {
      stop();
      window.removeEventListener("offline", offline);
      if (timer) clearTimeout(timer);
      setState((s) => ({ ...s, live: false }));
    };
  }, [active, indexer, queryClient]);

  return <LiveContext value={{ ...state, want }}>{children}</LiveContext>;
}

/** Whether the change stream is connected, and how many changes it has delivered. */
export function useLive(): LiveState {
  const { live, changes } = useContext(LiveContext);
  return { live, changes };
}

/**
 * `refetchInterval` for a view the change stream keeps fresh: none while live, polling while it
 * is down. While `enabled`, it keeps the stream open.
 */
export function useLiveRefetchInterval(fallbackMs = FALLBACK_REFETCH_MS, enabled = true): number | false {
  const { live, want } = useContext(LiveContext);
  useEffect(() => (enabled ? want() : undefined), [enabled, want]);
  return live ? false : fallbackMs;
}
