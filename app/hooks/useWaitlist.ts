"use client";

import type { Address } from "viem";
import { readWaitlist } from "../chain-reads/read-waitlist";
import { useChainQuery } from "./useChainQuery";

/** One tier's waitlist length, and the wallet's place, deposit owed and ticket count. */
export function useWaitlist(contract: Address, market: Address, tierId: number, wallet: Address | undefined) {
  return useChainQuery(["waitlist", contract, tierId, wallet], (client) => readWaitlist(client, { contract, market, tierId, wallet }));
}
