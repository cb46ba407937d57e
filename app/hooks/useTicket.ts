"use client";

import type { Address } from "viem";
import { ticketQuery } from "../queries/chain-queries";
import { indexerTicketQuery, ticketHistoryQuery } from "../queries/indexer-queries";
import { useChainQuery } from "./useChainQuery";
import { useIndexerQuery } from "./useIndexerQuery";

/** One ticket's state, tier and listing, from the chain (what its forms check before sending). */
export function useTicket(contract: Address, tokenId: bigint) {
  return useChainQuery((client) => ticketQuery(client, contract, tokenId));
}

/** One ticket's history, oldest first, from the indexer. */
export function useTicketHistory(contract: Address, tokenId: bigint) {
  return useIndexerQuery((indexer, url) => ticketHistoryQuery(indexer, url, contract, tokenId));
}

/** The indexer's view of one ticket: the gate's admission (`checkedInAt`), on every screen within a second of the scan. */
export function useIndexedTicket(contract: Address, tokenId: bigint) {
  return useIndexerQuery((indexer, url) => indexerTicketQuery(indexer, url, contract, tokenId));
}
