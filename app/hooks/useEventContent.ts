"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { createEventContentClient, type EventContentClient } from "../../lib/indexer-client/event-content";
import { useRuntimeConfig } from "./useRuntimeConfig";

/** The event-content client (lib/indexer-client/event-content.ts) for this page's indexer. */
export function useEventContentClient(): EventContentClient {
  const { indexerUrl } = useRuntimeConfig();
  return useMemo(() => createEventContentClient({ baseUrl: indexerUrl }), [indexerUrl]);
}

/** The query key of an event's content; under the indexer root, so the change stream refreshes it. */
export const eventContentKey = (indexerUrl: string, contract: string | undefined) =>
  ["indexer", indexerUrl, "event-content", contract?.toLowerCase() ?? null] as const;

/**
 * An event's organizer-written content (description, venue, image, time zone, door time, tier
 * names), or null when none was written. Shared by every screen through one cache entry per event.
 */
export function useEventContent(contract: string | undefined) {
  const { indexerUrl } = useRuntimeConfig();
  const client = useEventContentClient();
  const q = useQuery({
    queryKey: eventContentKey(indexerUrl, contract),
    queryFn: ({ signal }) => client.content(contract!, { signal }),
    enabled: contract !== undefined,
    staleTime: 30_000,
    retry: 1,
  });
  return { ...q, imageSrc: client.imageSrc(q.data ?? null) };
}
