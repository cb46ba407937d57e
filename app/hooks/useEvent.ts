"use client";

import type { Address } from "viem";
import { readEvent } from "../chain-reads/read-event";
import { readListings } from "../chain-reads/read-listings";
import { useChainQuery } from "./useChainQuery";

/** An event's rules, tiers and counters. */
export function useEvent(address: Address | undefined) {
  return useChainQuery(["event", address], (client) => readEvent(client, address!), address !== undefined);
}

/** The event's live resale listings. */
export function useListings(address: Address | undefined, market: Address | undefined) {
  return useChainQuery(["listings", address], (client) => readListings(client, address!, market!), address !== undefined && market !== undefined);
}
