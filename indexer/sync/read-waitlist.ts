/** Finds the chain's Waitlist: the market deployed it and names it (`ResaleMarket.waitlist()`). */
import type { Address, PublicClient } from "viem";
import { resaleMarketAbi } from "../../lib/generated/abis";
import { withRetry, type RetryOptions } from "./retry";
import { describeError, isRevert } from "../../lib/rpc/rpc-errors";

/**
 * The market's waitlist address, or null for a market deployed before the waitlist existed
 * (its call reverts): such a chain still indexes everything else.
 * @example
 * const waitlist = await readWaitlist(client, market, retry, console.warn);
 */
export async function readWaitlist(
  client: PublicClient,
  market: Address,
  retry: RetryOptions,
  log: (line: string) => void,
): Promise<Address | null> {
  try {
    return await withRetry(
      () => client.readContract({ address: market, abi: resaleMarketAbi, functionName: "waitlist" }),
      retry,
    );
  } catch (err) {
    if (!isRevert(err)) throw err;
    log(`market ${market} has no waitlist(): waitlist logs are not indexed (${describeError(err)})`);
    return null;
  }
}
