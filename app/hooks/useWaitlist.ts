"use client";

import { waitlistQuery, type WaitlistQuery } from "../queries/chain-queries";
import { useChainQuery } from "./useChainQuery";

/** One tier's waitlist length, and the wallet's place, deposit owed and ticket count. */
export function useWaitlist(q: WaitlistQuery) {
  return useChainQuery((client) => waitlistQuery(client, q));
}
