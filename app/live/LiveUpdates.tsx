"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { useIndexerClient } from "../hooks/useIndexerClient";
import { invalidateOnChange } from "./invalidate-on-change";

/** While the change stream is down, views fall back to polling this often. */
export const FALLBACK_REFETCH_MS = 4_000;

export type LiveState = { live: boolean; changes: number };

const LiveContext = createContext<LiveState>({ live: false, changes: 0 });

/**
 * Listens to the indexer's `/stream` (Server-Sent Events) for the whole page and invalidates the
 * React Query caches a change can affect, so lists and views refresh when a block with Fairgate
 * logs lands instead of polling. Reconnects by itself (lib/indexer-client `watchChanges`).
 */
export function LiveUpdates({ children }: { children: ReactNode }) {
  const indexer = useIndexerClient();
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>({ live: false, changes: 0 });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const contracts = new Set<string>();
    let rollback = false;
    let connectedBefore = false;
    // Several ranges can land within a few ms (a burst of blocks): refetch once for all of them.
    const flush = () => {
      timer = undefined;
      void invalidateOnChange(queryClient, { contracts: [...contracts], rollback });
      contracts.clear();
      rollback = false;
    };
    const stop = indexer.watchChanges(
      (change) => {
        if (change.type === "range") change.contracts.forEach((c) => contracts.add(c.toLowerCase()));
        else rollback = true;
        setState((s) => ({ live: true, changes: s.changes + 1 }));
        timer ??= setTimeout(flush, 150);
      },
      {
        retryMs: 2_000,
        onReady: () => {
          setState((s) => ({ ...s, live: true }));
          // A reconnect: whatever happened while we were away, refetch once (not on the first connect, the page just loaded).
          if (connectedBefore) void invalidateOnChange(queryClient, { contracts: [], rollback: true });
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
    };
  }, [indexer, queryClient]);

  return <LiveContext value={state}>{children}</LiveContext>;
}

/** Whether the change stream is connected, and how many changes it has delivered. */
export function useLive(): LiveState {
  return useContext(LiveContext);
}

/** `refetchInterval` for a view the change stream keeps fresh: none while live, polling while it is down. */
export function useLiveRefetchInterval(fallbackMs = FALLBACK_REFETCH_MS): number | false {
  return useLive().live ? false : fallbackMs;
}
