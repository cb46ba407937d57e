/**
 * An event's rules that no log carries (end time, lock window, caps, royalty): immutables of
 * its EventTicket, read once at discovery, at the creation block.
 */
import type { Address, PublicClient } from "viem";
import { eventTicketAbi } from "../../lib/generated/abis";
import { isRevert } from "./rpc-errors";
import { withRetry, type RetryOptions } from "./retry";

export type EventRules = {
  endTime: bigint | null;
  lockWindow: number | null;
  maxPerWallet: number | null;
  maxPerIdentity: number | null;
  royaltyBps: number | null;
  tierCount: number | null;
};

const FIELDS = ["endTime", "lockWindow", "maxPerWallet", "maxPerIdentity", "royaltyBps", "tierCount"] as const;

/** Reads every rule; a rule the contract does not have (a revert) is null, an RPC failure throws. */
export async function readEventRules(client: PublicClient, address: Address, blockNumber: bigint, retry: RetryOptions): Promise<EventRules> {
  const values = await Promise.all(
    FIELDS.map(async (functionName) => {
      try {
        return await withRetry(
          () => client.readContract({ address, abi: eventTicketAbi, functionName, blockNumber }) as Promise<bigint | number>,
          retry,
        );
      } catch (err) {
        if (isRevert(err)) return null;
        throw err;
      }
    }),
  );
  const [endTime, lockWindow, maxPerWallet, maxPerIdentity, royaltyBps, tierCount] = values;
  const num = (v: bigint | number | null) => (v === null ? null : Number(v));
  return {
    endTime: endTime === null ? null : BigInt(endTime!),
    lockWindow: num(lockWindow!),
    maxPerWallet: num(maxPerWallet!),
    maxPerIdentity: num(maxPerIdentity!),
    royaltyBps: num(royaltyBps!),
    tierCount: num(tierCount!),
  };
}
