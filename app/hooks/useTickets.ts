"use client";

import { useQuery } from "@tanstack/react-query";
import { useIndexerClient } from "./useIndexerClient";
import { useLiveRefetchInterval } from "../live/LiveUpdates";
import { useRuntimeConfig } from "./useRuntimeConfig";

/** The tickets `owner` holds, from the indexer; refreshed when the change stream says something moved. */
export function useTickets(owner: string | undefined) {
  const { indexerUrl } = useRuntimeConfig();
  const indexer = useIndexerClient();
  return useQuery({
    queryKey: ["tickets", indexerUrl, owner?.toLowerCase()],
    queryFn: ({ signal }) => indexer.ticketsByOwner(owner!, { limit: 200 }, { signal }),
    enabled: owner !== undefined,
    refetchInterval: useLiveRefetchInterval(undefined, owner !== undefined),
    retry: 1,
    retryDelay: 1_000,
  });
}
