"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { createIndexerClient, type IndexerClient } from "../../../../lib/indexer-client";
import { useOrganizerSession } from "../../../hooks/useOrganizerSession";
import { useRuntimeConfig } from "../../../hooks/useRuntimeConfig";

/** Dashboard analytics refresh this often (the indexer recomputes them in SQL per request). */
export const ANALYTICS_REFETCH_MS = 5_000;

type Analytics = IndexerClient["analytics"];
/** Questions the client asks without an options argument: `(contract, request)`. */
const WITHOUT_OPTIONS: ReadonlySet<keyof Analytics> = new Set(["gates", "noShows", "primarySales"]);

/**
 * One organizer analytics endpoint for `contract`, through the shared typed client with the
 * organizer's session (the server answers nobody else), refreshed every few seconds. Waits for
 * the sign-in (EventDashboard shows the button); a session the server no longer accepts is dropped.
 *
 * @example
 * const arrivals = useEventAnalytics("arrivals", event.address);
 */
export function useEventAnalytics<K extends keyof Analytics>(
  kind: K,
  contract: string,
  options?: Parameters<Analytics[K]>[1],
) {
  const { indexerUrl } = useRuntimeConfig();
  const client = useMemo(() => createIndexerClient({ baseUrl: indexerUrl }), [indexerUrl]);
  const { session, forget } = useOrganizerSession(contract);
  const token = session?.token;
  return useQuery({
    queryKey: ["analytics", indexerUrl, kind, contract.toLowerCase(), options ?? null, token ?? null],
    queryFn: () => {
      const ask = client.analytics[kind] as (
        c: string,
        ...rest: unknown[]
      ) => Promise<Awaited<ReturnType<Analytics[K]>>>;
      const answer = WITHOUT_OPTIONS.has(kind) ? ask(contract, { token }) : ask(contract, options ?? {}, { token });
      return answer.catch((e: unknown) => {
        const code = (e as { apiCode?: string }).apiCode;
        if (code === "UNAUTHORIZED" || code === "FORBIDDEN") forget();
        throw e;
      });
    },
    enabled: token !== undefined,
    refetchInterval: ANALYTICS_REFETCH_MS,
    retry: 1,
    retryDelay: 1_000,
  });
}
