"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchTickets } from "../indexer-client/tickets";
import { useRuntimeConfig } from "./useRuntimeConfig";

/** How often the ticket list is refreshed, so a new mint or transfer shows up on its own. */
export const TICKETS_REFETCH_MS = 4_000;

/** The tickets `owner` holds, from the indexer, refreshed every few seconds; idle while `owner` is unknown. */
export function useTickets(owner: string | undefined) {
  const { indexerUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ["tickets", indexerUrl, owner?.toLowerCase()],
    queryFn: ({ signal }) => fetchTickets(indexerUrl, owner!, { signal }),
    enabled: owner !== undefined,
    refetchInterval: TICKETS_REFETCH_MS,
    retry: 1,
    retryDelay: 1_000,
  });
}
