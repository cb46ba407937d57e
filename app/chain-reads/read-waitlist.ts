import type { Address, PublicClient } from "viem";
import { eventTicketAbi, resaleMarketAbi, waitlistAbi } from "../../lib/generated/abis";
import { MULTICALL_BATCH_BYTES, unwrap } from "./read-event";

export type WaitlistView = {
  /** The chain's Waitlist (named by the market), or null for a market deployed before it existed. */
  waitlist: Address | null;
  /** Wallets waiting for this tier. */
  length: number;
  /** The wallet's 1-based place (1 = next to get a returned ticket), 0 when not waiting or no wallet. */
  position: number;
  /** Deposit credited after the wallet was skipped at the head (it held the cap): withdraw it. */
  owed: bigint;
  /** Tickets of this event the wallet holds (for the per-wallet cap). */
  balance: number;
  /** The event's currency (zero: native coin): deposits and `owed` are in it. */
  currency: Address;
};

/**
 * One tier's waitlist as the chain has it, and where `wallet` stands in it: one Multicall3 call when
 * the caller already knows the waitlist and currency (the ticket page does), two otherwise.
 *
 * @example
 * const view = await readWaitlist(publicClient, { contract, market, tierId: 0, wallet: "0x…" });
 */
export async function readWaitlist(
  client: PublicClient,
  q: {
    contract: Address;
    market: Address;
    tierId: number;
    wallet?: Address | undefined;
    known?: { waitlist: Address | null; currency: Address } | undefined;
  },
): Promise<WaitlistView> {
  const known = q.known ?? (await whereIsTheWaitlist(client, q.contract, q.market));
  const { waitlist, currency } = known;
  if (!waitlist) return { waitlist: null, length: 0, position: 0, owed: 0n, balance: 0, currency };
  const w = { address: waitlist, abi: waitlistAbi } as const;
  const queue = { ...w, functionName: "queues", args: [q.contract, q.tierId] } as const;
  if (!q.wallet) {
    const [[, length]] = await client.multicall({
      contracts: [queue],
      allowFailure: false,
      batchSize: MULTICALL_BATCH_BYTES,
    });
    return { waitlist, length: Number(length), position: 0, owed: 0n, balance: 0, currency };
  }
  const [[, length], position, owed, balance] = await client.multicall({
    contracts: [
      queue,
      { ...w, functionName: "positionOf", args: [q.contract, q.tierId, q.wallet] },
      { ...w, functionName: "owed", args: [currency, q.wallet] },
      { address: q.contract, abi: eventTicketAbi, functionName: "balanceOf", args: [q.wallet] },
    ],
    allowFailure: false,
    batchSize: MULTICALL_BATCH_BYTES,
  });
  return { waitlist, length: Number(length), position: Number(position), owed, balance: Number(balance), currency };
}

/** The market's Waitlist (a market deployed before it existed has no `waitlist()`: null) and the event's currency. */
async function whereIsTheWaitlist(
  client: PublicClient,
  contract: Address,
  market: Address,
): Promise<{ waitlist: Address | null; currency: Address }> {
  const [waitlist, currency] = await client.multicall({
    contracts: [
      { address: market, abi: resaleMarketAbi, functionName: "waitlist" },
      { address: contract, abi: eventTicketAbi, functionName: "currency" },
    ],
    allowFailure: true,
    batchSize: MULTICALL_BATCH_BYTES,
  });
  return { waitlist: waitlist.status === "success" ? waitlist.result : null, currency: unwrap(currency) };
}
