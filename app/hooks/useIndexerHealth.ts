"use client";

import { useQuery } from "@tanstack/react-query";
import { useIndexerClient } from "./useIndexerClient";
import { useRuntimeConfig } from "./useRuntimeConfig";

export const HEALTH_REFETCH_MS = 5_000;

/** The indexer's `/health`, refreshed every few seconds for the status footer. */
export function useIndexerHealth() {
  const { indexerUrl } = useRuntimeConfig();
  const indexer = useIndexerClient();
  return useQuery({
    queryKey: ["health", indexerUrl],
    queryFn: ({ signal }) => indexer.health({ signal }),
    refetchInterval: HEALTH_REFETCH_MS,
    retry: false,
  });
}
