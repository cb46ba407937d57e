"use client";

import { useQuery } from "@tanstack/react-query";
import { seatOfToken } from "../../lib/seating/seat-token";
import { useIndexerClient } from "./useIndexerClient";
import { useRuntimeConfig } from "./useRuntimeConfig";

/**
 * Where a reserved ticket sits ("Section A · Row 12 · Seat 7"), from the indexer, which maps the seat
 * token through the event's venue layout. General-admission ids ask nothing.
 */
export function useSeat(contract: string, tokenId: bigint) {
  const { indexerUrl } = useRuntimeConfig();
  const indexer = useIndexerClient();
  const reserved = seatOfToken(tokenId) !== null;
  const q = useQuery({
    queryKey: ["seat", indexerUrl, contract.toLowerCase(), tokenId.toString()],
    queryFn: async ({ signal }) => (await indexer.ticket(contract, tokenId, { signal })).ticket.seat ?? null,
    enabled: reserved,
    staleTime: 60_000,
    retry: 1,
  });
  return reserved ? (q.data ?? null) : null;
}
