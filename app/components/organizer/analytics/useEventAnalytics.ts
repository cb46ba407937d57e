"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { createIndexerClient, type IndexerClient } from "../../../../lib/indexer-client";
import { useRuntimeConfig } from "../../../hooks/useRuntimeConfig";

/** Dashboard analytics refresh this often (the indexer recomputes them in SQL per request). */
export const ANALYTICS_REFETCH_MS = 5_000;

type Analytics = IndexerClient["analytics"];

/**
 * One organizer analytics endpoint for `contract`, through the shared typed client, refreshed
 * every few seconds.
 *
 * @example
 * const arrivals = useEventAnalytics("arrivals", event.address);
 */
export function useEventAnalytics<K extends keyof Analytics>(kind: K, contract: string, options?: Parameters<Analytics[K]>[1]) {
  const { indexerUrl } = useRuntimeConfig();
  const client = useMemo(() => createIndexerClient({ baseUrl: indexerUrl }), [indexerUrl]);
  return useQuery({
    queryKey: ["analytics", indexerUrl, kind, contract.toLowerCase(), options ?? null],
    queryFn: () => (client.analytics[kind] as (c: string, o?: unknown) => ReturnType<Analytics[K]>)(contract, options) as Promise<Awaited<ReturnType<Analytics[K]>>>,
    refetchInterval: ANALYTICS_REFETCH_MS,
    retry: 1,
    retryDelay: 1_000,
  });
}
