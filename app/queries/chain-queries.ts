/**
 * Query-option factories for the app's chain reads: the checks its forms make before a transaction
 * (owner, tier rules, listing, approval, waitlist), each one or two Multicall3 calls (app/chain-reads).
 * Nothing here reads logs: history, listings and activity come from the indexer (./indexer-queries).
 */
import { queryOptions } from "@tanstack/react-query";
import type { Address, PublicClient } from "viem";
import { readEvent, readWalletHoldings } from "../chain-reads/read-event";
import { readTicket } from "../chain-reads/read-ticket";
import { readWaitlist } from "../chain-reads/read-waitlist";
import { queryKeys } from "./query-keys";

const retry = 1;

export function eventQuery(client: PublicClient | undefined, address: Address | undefined) {
  return queryOptions({
    queryKey: queryKeys.chain.event(client?.chain?.id, address),
    queryFn: () => readEvent(client!, address!),
    enabled: client !== undefined && address !== undefined,
    retry,
  });
}

/** The wallet's tickets of this event as the per-wallet cap counts them (none without a wallet). */
export function walletHoldingsQuery(client: PublicClient | undefined, address: Address, wallet: Address | undefined) {
  return queryOptions({
    queryKey: queryKeys.chain.walletHoldings(client?.chain?.id, address, wallet),
    queryFn: () => readWalletHoldings(client!, address, wallet!),
    enabled: client !== undefined && wallet !== undefined,
    retry,
  });
}

export function ticketQuery(client: PublicClient | undefined, contract: Address, tokenId: bigint) {
  return queryOptions({
    queryKey: queryKeys.chain.ticket(client?.chain?.id, contract, tokenId),
    queryFn: () => readTicket(client!, contract, tokenId),
    enabled: client !== undefined,
    retry,
  });
}

export type WaitlistQuery = {
  contract: Address;
  market: Address;
  tierId: number;
  wallet: Address | undefined;
  /** The waitlist and currency when the caller already read them (saves a round trip). */
  known?: { waitlist: Address | null; currency: Address } | undefined;
};

export function waitlistQuery(client: PublicClient | undefined, q: WaitlistQuery) {
  return queryOptions({
    queryKey: queryKeys.chain.waitlist(client?.chain?.id, q.contract, q.tierId, q.wallet),
    queryFn: () => readWaitlist(client!, q),
    enabled: client !== undefined,
    retry,
  });
}
