import type { Address, PublicClient } from "viem";
import { eventTicketAbi, resaleMarketAbi, waitlistAbi } from "../../lib/generated/abis";

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
 * One tier's waitlist as the chain has it, and where `wallet` stands in it.
 *
 * @example
 * const view = await readWaitlist(publicClient, { contract, market, tierId: 0, wallet: "0x…" });
 */
export async function readWaitlist(
  client: PublicClient,
  q: { contract: Address; market: Address; tierId: number; wallet?: Address },
): Promise<WaitlistView> {
  const waitlist = await client.readContract({ address: q.market, abi: resaleMarketAbi, functionName: "waitlist" }).catch(() => null);
  const currency = await client.readContract({ address: q.contract, abi: eventTicketAbi, functionName: "currency" });
  if (!waitlist) return { waitlist: null, length: 0, position: 0, owed: 0n, balance: 0, currency };
  const w = { address: waitlist, abi: waitlistAbi } as const;
  const [queue, position, owed, balance] = await Promise.all([
    client.readContract({ ...w, functionName: "queues", args: [q.contract, q.tierId] }),
    q.wallet ? client.readContract({ ...w, functionName: "positionOf", args: [q.contract, q.tierId, q.wallet] }) : 0n,
    q.wallet ? client.readContract({ ...w, functionName: "owed", args: [currency, q.wallet] }) : 0n,
    q.wallet ? client.readContract({ address: q.contract, abi: eventTicketAbi, functionName: "balanceOf", args: [q.wallet] }) : 0n,
  ]);
  return { waitlist, length: Number(queue[1]), position: Number(position), owed, balance: Number(balance), currency };
}
