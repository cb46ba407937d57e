"use client";

import { useMemo } from "react";
import { createIndexerClient, type IndexerClient } from "../../lib/indexer-client/client";
import { useRuntimeConfig } from "./useRuntimeConfig";

/** The typed indexer client (lib/indexer-client) for this page's `INDEXER_URL`, made once per URL. */
export function useIndexerClient(): IndexerClient {
  const { indexerUrl } = useRuntimeConfig();
  return useMemo(() => createIndexerClient({ baseUrl: indexerUrl }), [indexerUrl]);
}
