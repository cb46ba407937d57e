"use client";

import { useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { usePublicClient } from "wagmi";
import type { PublicClient } from "viem";
import { useLiveRefetchInterval } from "../live/LiveUpdates";

/**
 * How often chain-backed views poll while the indexer's change stream is down (while it is up, its
 * changes refresh them, and every form refreshes its view after its own transaction). Each refresh
 * is one to three Multicall3 calls; slow on purpose, so a down indexer does not turn into RPC load.
 */
export const CHAIN_REFETCH_MS = 15_000;

/**
 * A React Query over the chain's public client, from a factory in app/queries/chain-queries.ts:
 * the pre-transaction checks (event, ticket, waitlist). History, listings and activity are indexer
 * queries (useIndexerQuery).
 *
 * @example
 * const ticket = useChainQuery((client) => ticketQuery(client, contract, 1n));
 */
export function useChainQuery<T, K extends QueryKey>(
  options: (client: PublicClient | undefined) => UseQueryOptions<T, Error, T, K>,
) {
  const client = usePublicClient() as PublicClient | undefined;
  const o = options(client);
  const refetchInterval = useLiveRefetchInterval(CHAIN_REFETCH_MS, o.enabled !== false);
  return useQuery({ ...o, refetchInterval });
}
