"use client";

import type { Address } from "viem";
import { eventQuery, walletHoldingsQuery } from "../queries/chain-queries";
import { openListingsQuery, primarySalesQuery } from "../queries/indexer-queries";
import { useChainQuery } from "./useChainQuery";
import { useIndexerQuery } from "./useIndexerQuery";

/** An event's rules, tiers and counters, from the chain (what buying checks against). */
export function useEvent(address: Address | undefined) {
  return useChainQuery((client) => eventQuery(client, address));
}

/** How many of the event's tickets `wallet` holds and ever bought (what its per-wallet cap counts). */
export function useWalletHoldings(address: Address, wallet: Address | undefined) {
  return useChainQuery((client) => walletHoldingsQuery(client, address, wallet));
}

/** The event's buyable resale listings, cheapest first, from the indexer. */
export function useListings(address: Address | undefined) {
  return useIndexerQuery((indexer, url) => openListingsQuery(indexer, url, address));
}

/** Face-value sales per block and ticket counts, from the indexer (the organizer dashboard). */
export function usePrimarySales(address: Address) {
  return useIndexerQuery((indexer, url) => primarySalesQuery(indexer, url, address));
}
