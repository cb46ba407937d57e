"use client";

import { useQuery } from "@tanstack/react-query";
import { useLiveRefetchInterval } from "../live/LiveUpdates";
import { useIndexerClient } from "./useIndexerClient";
import { useRuntimeConfig } from "./useRuntimeConfig";

/**
 * Every event the indexer knows, newest first; refreshed when the change stream reports new
 * blocks (`live: false` for a picker that needs no live list, e.g. the gate sign-in).
 */
export function useEvents({ live = true }: { live?: boolean } = {}) {
  const { indexerUrl } = useRuntimeConfig();
  const indexer = useIndexerClient();
  return useQuery({
    queryKey: ["events", indexerUrl],
    queryFn: ({ signal }) => indexer.events({ limit: 100 }, { signal }),
    refetchInterval: useLiveRefetchInterval(undefined, live),
    retry: 1,
  });
}
