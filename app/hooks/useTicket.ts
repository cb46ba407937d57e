"use client";

import type { Address } from "viem";
import { readProvenance } from "../chain-reads/read-provenance";
import { readTicket } from "../chain-reads/read-ticket";
import { useChainQuery } from "./useChainQuery";

/** One ticket's state, tier and listing. */
export function useTicket(contract: Address, tokenId: bigint) {
  return useChainQuery(["ticket", contract, tokenId.toString()], (client) => readTicket(client, contract, tokenId));
}

/** One ticket's history, oldest first. */
export function useProvenance(contract: Address, market: Address | undefined, tokenId: bigint) {
  return useChainQuery(["provenance", contract, tokenId.toString()], (client) => readProvenance(client, contract, market!, tokenId), market !== undefined);
}
