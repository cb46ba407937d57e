"use client";

import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import type { IndexerClient } from "../../lib/indexer-client/client";
import { useLiveRefetchInterval } from "../live/LiveUpdates";
import { useIndexerClient } from "./useIndexerClient";
import { useRuntimeConfig } from "./useRuntimeConfig";

/**
 * A React Query over the typed indexer client, from a factory in app/queries/indexer-queries.ts.
 * Refreshed by the change stream; polls the indexer (never the chain) while the stream is down.
 *
 * @example
 * const history = useIndexerQuery((indexer, url) => ticketHistoryQuery(indexer, url, contract, 1n));
 */
export function useIndexerQuery<T, K extends QueryKey>(
  options: (indexer: IndexerClient, indexerUrl: string) => UseQueryOptions<T, Error, T, K>,
) {
  const { indexerUrl } = useRuntimeConfig();
  const o = options(useIndexerClient(), indexerUrl);
  const refetchInterval = useLiveRefetchInterval(undefined, o.enabled !== false);
  return useQuery({ ...o, refetchInterval });
}
