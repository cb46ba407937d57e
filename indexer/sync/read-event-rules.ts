/**
 * An event's rules that no log carries (end time, lock window, caps, royalty, currency): immutables
 * of its EventTicket, read once at discovery, at the creation block; for an ERC-20 currency also its
 * symbol and decimals (fixed for the tokens Fairgate accepts), so prices can be shown without RPC.
 */
import { erc20Abi, zeroAddress, type Address, type PublicClient } from "viem";
import { NATIVE_CURRENCY } from "../../lib/currency/currency";
import { eventTicketAbi } from "../../lib/generated/abis";
import { isRevert } from "../../lib/rpc/rpc-errors";
import { withRetry, type RetryOptions } from "./retry";

export type EventRules = {
  endTime: bigint | null;
  lockWindow: number | null;
  maxPerWallet: number | null;
  maxPerIdentity: number | null;
  royaltyBps: number | null;
  tierCount: number | null;
  /** Lower-case token address, zero for the native coin; null when the contract has no currency. */
  currency: string | null;
  /** Null when unknown (no currency, or the token does not answer like an ERC-20). */
  currencySymbol: string | null;
  currencyDecimals: number | null;
};

const FIELDS = ["endTime", "lockWindow", "maxPerWallet", "maxPerIdentity", "royaltyBps", "tierCount"] as const;

/** Reads every rule; a rule the contract does not have (a revert) is null, an RPC failure throws. */
export async function readEventRules(
  client: PublicClient,
  address: Address,
  blockNumber: bigint,
  retry: RetryOptions,
): Promise<EventRules> {
  const values = await Promise.all(
    FIELDS.map(async (functionName) => {
      try {
        return await withRetry(
          () =>
            client.readContract({ address, abi: eventTicketAbi, functionName, blockNumber }) as Promise<
              bigint | number
            >,
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
  const currency = await readEventCurrency(client, address, blockNumber, retry);
  return {
    ...currency,
    endTime: endTime === null ? null : BigInt(endTime!),
    lockWindow: num(lockWindow!),
    maxPerWallet: num(maxPerWallet!),
    maxPerIdentity: num(maxPerIdentity!),
    royaltyBps: num(royaltyBps!),
    tierCount: num(tierCount!),
  };
}

async function readEventCurrency(
  client: PublicClient,
  address: Address,
  blockNumber: bigint,
  retry: RetryOptions,
): Promise<Pick<EventRules, "currency" | "currencySymbol" | "currencyDecimals">> {
  let token: Address;
  try {
    token = await withRetry(
      () => client.readContract({ address, abi: eventTicketAbi, functionName: "currency", blockNumber }),
      retry,
    );
  } catch (err) {
    if (isRevert(err)) return { currency: null, currencySymbol: null, currencyDecimals: null }; // contract older than currencies
    throw err;
  }
  if (token.toLowerCase() === zeroAddress) {
    return {
      currency: zeroAddress,
      currencySymbol: NATIVE_CURRENCY.symbol,
      currencyDecimals: NATIVE_CURRENCY.decimals,
    };
  }
  const erc20 = async <F extends "symbol" | "decimals">(functionName: F) => {
    try {
      return await withRetry(
        () => client.readContract({ address: token, abi: erc20Abi, functionName, blockNumber }),
        retry,
      );
    } catch (err) {
      if (isRevert(err)) return null; // not ERC-20 metadata: prices shown in raw units
      throw err;
    }
  };
  const [symbol, decimals] = await Promise.all([erc20("symbol"), erc20("decimals")]);
  return {
    currency: token.toLowerCase(),
    currencySymbol: (symbol as string | null) ?? null,
    currencyDecimals: decimals === null ? null : Number(decimals),
  };
}
