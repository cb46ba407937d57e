"use client";

import { useQuery } from "@tanstack/react-query";
import type { PublicClient } from "viem";
import { usePublicClient } from "wagmi";
import { useLiveRefetchInterval } from "../live/LiveUpdates";

/** How often chain-backed views poll while the indexer's change stream is down (while it is up, changes refresh them). */
export const CHAIN_REFETCH_MS = 3_000;

/**
 * A React Query over the chain's public client. Every chain-backed view (event, ticket,
 * listings, provenance, activity) goes through here, so moving one to the indexer API is a
 * change to the hook that calls this, not to the page.
 */
export function useChainQuery<T>(key: readonly unknown[], read: (client: PublicClient) => Promise<T>, enabled = true) {
  const client = usePublicClient();
  const refetchInterval = useLiveRefetchInterval(CHAIN_REFETCH_MS, enabled);
  return useQuery({
    queryKey: ["chain", client?.chain.id, ...key],
    queryFn: () => read(client as PublicClient),
    enabled: enabled && client !== undefined,
    refetchInterval,
    retry: 1,
  });
}
