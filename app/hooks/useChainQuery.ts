"use client";

import { useQuery } from "@tanstack/react-query";
import type { PublicClient } from "viem";
import { usePublicClient } from "wagmi";

/** How often chain-backed views refresh, so a confirmed transaction shows up on its own. */
export const CHAIN_REFETCH_MS = 3_000;

/**
 * A React Query over the chain's public client. Every chain-backed view (event, ticket,
 * listings, provenance, activity) goes through here, so moving one to the indexer API is a
 * change to the hook that calls this, not to the page.
 */
export function useChainQuery<T>(key: readonly unknown[], read: (client: PublicClient) => Promise<T>, enabled = true) {
  const client = usePublicClient();
  return useQuery({
    queryKey: ["chain", client?.chain.id, ...key],
    queryFn: () => read(client as PublicClient),
    enabled: enabled && client !== undefined,
    refetchInterval: CHAIN_REFETCH_MS,
    retry: 1,
  });
}
