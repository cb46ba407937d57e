/**
 * Every React Query key the app's data views use, typed, in one place. The first element says where
 * the data comes from: `chain` (pre-transaction checks, app/chain-reads) or `indexer` (history,
 * listings, activity); app/live/invalidate-on-change.ts refreshes them by that root.
 */
import type { Address } from "viem";

export const queryKeys = {
  chain: {
    event: (chainId: number | undefined, address: Address | undefined) => ["chain", chainId, "event", address] as const,
    ticket: (chainId: number | undefined, contract: Address, tokenId: bigint) =>
      ["chain", chainId, "ticket", contract, tokenId.toString()] as const,
    walletHoldings: (chainId: number | undefined, address: Address, wallet: Address | undefined) =>
      ["chain", chainId, "wallet-holdings", address, wallet ?? null] as const,
    /** A purchase's receipt and event: immutable once mined. */
    order: (chainId: number | undefined, txHash: string) => ["chain", chainId, "order", txHash] as const,
    waitlist: (chainId: number | undefined, contract: Address, tierId: number, wallet: Address | undefined) =>
      ["chain", chainId, "waitlist", contract, tierId, wallet ?? null] as const,
  },
  indexer: {
    /** The indexer's view of one ticket: the gate's admission, which the chain learns only from the batcher. */
    ticket: (indexerUrl: string, contract: Address, tokenId: bigint) =>
      ["indexer", indexerUrl, "ticket", contract, tokenId.toString()] as const,
    ticketHistory: (indexerUrl: string, contract: Address, tokenId: bigint) =>
      ["indexer", indexerUrl, "ticket-history", contract, tokenId.toString()] as const,
    openListings: (indexerUrl: string, contract: Address | undefined) =>
      ["indexer", indexerUrl, "open-listings", contract] as const,
    orderTickets: (indexerUrl: string, txHash: string | undefined) =>
      ["indexer", indexerUrl, "order-tickets", txHash ?? null] as const,
    primarySales: (indexerUrl: string, contract: Address) =>
      ["indexer", indexerUrl, "primary-sales", contract] as const,
  },
} as const;

/** Query-key roots, for invalidation. */
export const CHAIN_ROOT = "chain";
export const INDEXER_ROOT = "indexer";
