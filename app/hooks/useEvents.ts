"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchEvents } from "../indexer-client/events";
import { useRuntimeConfig } from "./useRuntimeConfig";

/** Every event the indexer knows, refreshed every few seconds. */
export function useEvents() {
  const { indexerUrl } = useRuntimeConfig();
  return useQuery({
    queryKey: ["events", indexerUrl],
    queryFn: ({ signal }) => fetchEvents(indexerUrl, { signal }),
    refetchInterval: 4_000,
    retry: 1,
  });
}
