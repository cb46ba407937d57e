"use client";

import { useQuery } from "@tanstack/react-query";
import { useLiveRefetchInterval } from "../live/LiveUpdates";
import { useIndexerClient } from "./useIndexerClient";
import { useRuntimeConfig } from "./useRuntimeConfig";

/** Every event the indexer knows, newest first; refreshed when the change stream reports new blocks. */
export function useEvents() {
  const { indexerUrl } = useRuntimeConfig();
  const indexer = useIndexerClient();
  return useQuery({
    queryKey: ["events", indexerUrl],
    queryFn: ({ signal }) => indexer.events({ limit: 100 }, { signal }),
    refetchInterval: useLiveRefetchInterval(),
    retry: 1,
  });
}
