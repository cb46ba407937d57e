/**
 * Query-option factories for what the app reads from the indexer (lib/indexer-client, zod-validated):
 * a ticket's history, an event's open resale listings, its primary sales. Hooks and tests share them,
 * so a key and its fetch never drift apart.
 */
import { queryOptions } from "@tanstack/react-query";
import type { Address } from "viem";
import type { IndexerClient } from "../../lib/indexer-client/client";
import { openListings } from "./open-listings";
import { queryKeys } from "./query-keys";
import { ticketHistory } from "./ticket-history";

/** The indexer answers fast or is down: one retry, then the page says so. */
const retry = 1;

export function ticketHistoryQuery(indexer: IndexerClient, indexerUrl: string, contract: Address, tokenId: bigint) {
  return queryOptions({
    queryKey: queryKeys.indexer.ticketHistory(indexerUrl, contract, tokenId),
    queryFn: async ({ signal }) => {
      const [detail, { listings }] = await Promise.all([
        indexer.ticket(contract, tokenId, { signal }),
        indexer.listings({ contract, tokenId, status: "all", limit: 100 }, { signal }),
      ]);
      return ticketHistory(detail, listings);
    },
    retry,
  });
}

/** One ticket as the indexer has it: the status's gate admission (`checkedInAt`) before the chain knows it. */
export function indexerTicketQuery(indexer: IndexerClient, indexerUrl: string, contract: Address, tokenId: bigint) {
  return queryOptions({
    queryKey: queryKeys.indexer.ticket(indexerUrl, contract, tokenId),
    queryFn: async ({ signal }) => (await indexer.ticket(contract, tokenId, { signal })).ticket,
    retry,
  });
}

export function openListingsQuery(indexer: IndexerClient, indexerUrl: string, contract: Address | undefined) {
  return queryOptions({
    queryKey: queryKeys.indexer.openListings(indexerUrl, contract),
    queryFn: async ({ signal }) =>
      openListings((await indexer.listings({ contract: contract!, status: "open", limit: 200 }, { signal })).listings),
    enabled: contract !== undefined,
    retry,
  });
}

export function primarySalesQuery(indexer: IndexerClient, indexerUrl: string, contract: Address) {
  return queryOptions({
    queryKey: queryKeys.indexer.primarySales(indexerUrl, contract),
    queryFn: ({ signal }) => indexer.analytics.primarySales(contract, { signal }),
    retry,
  });
}
