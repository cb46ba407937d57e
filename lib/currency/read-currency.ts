import { erc20Abi, getAddress, zeroAddress, type Address, type PublicClient } from "viem";
import { NATIVE_CURRENCY, type Currency } from "./currency";

/** The token does not answer `symbol()`/`decimals()` like an ERC-20. */
export class CurrencyReadError extends Error {
  override name = "CurrencyReadError";
  readonly code = "BAD_CURRENCY";
  constructor(
    readonly token: Address,
    cause: unknown,
  ) {
    super(`${token} does not answer symbol()/decimals() like an ERC-20.`, { cause });
  }
}

/**
 * An event currency's symbol and decimals (two `eth_call`s; none for the native coin). Read once per
 * event: both are fixed for the tokens Fairgate accepts.
 *
 * @example
 * const usd = await readCurrency(publicClient, await ticket.read.currency()); // { symbol: "mUSD", decimals: 6, … }
 */
export async function readCurrency(
  client: Pick<PublicClient, "readContract">,
  token: Address,
  blockNumber?: bigint,
): Promise<Currency> {
  if (token.toLowerCase() === zeroAddress) return NATIVE_CURRENCY;
  try {
    const [symbol, decimals] = await Promise.all([
      client.readContract({ address: token, abi: erc20Abi, functionName: "symbol", blockNumber }),
      client.readContract({ address: token, abi: erc20Abi, functionName: "decimals", blockNumber }),
    ]);
    return { address: getAddress(token), symbol, decimals };
  } catch (e) {
    throw new CurrencyReadError(token, e);
  }
}
