"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchHealth } from "../indexer-client/health";
import { useRuntimeConfig } from "./useRuntimeConfig";

export const HEALTH_REFETCH_MS = 5_000;

/** The indexer's `/health`, refreshed every few seconds for the status footer. */
export function useIndexerHealth() {
  const { indexerUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ["health", indexerUrl],
    queryFn: ({ signal }) => fetchHealth(indexerUrl, { signal }),
    refetchInterval: HEALTH_REFETCH_MS,
    retry: false,
  });
}
