import { formatUnits, parseUnits, zeroAddress, type Address } from "viem";

/** What an event's prices are in: its `EventTicket.currency()` (zero: the chain's native coin). */
export type Currency = { address: Address; symbol: string; decimals: number };

/** The native coin of the chains Fairgate runs on (prices in wei). */
export const NATIVE_CURRENCY: Currency = { address: zeroAddress, symbol: "ETH", decimals: 18 };

/** True when prices are paid with `msg.value` rather than an ERC-20 transfer. */
export function isNative(currency: Pick<Currency, "address">): boolean {
  return currency.address.toLowerCase() === zeroAddress;
}

/**
 * An amount in the currency's smallest unit, for people: `25000000n` in a 6-decimal USD → `25 USD`.
 * The one price formatter of the app, the CLI and the indexer (never `formatEther` on a price).
 *
 * @example
 * formatPrice(150000000000000000n) // "0.15 ETH"
 * formatPrice(25_500_000n, { symbol: "mUSD", decimals: 6 }) // "25.5 mUSD"
 */
export function formatPrice(amount: bigint, currency: Pick<Currency, "symbol" | "decimals"> = NATIVE_CURRENCY): string {
  return `${formatUnits(amount, currency.decimals)} ${currency.symbol}`;
}

/** The amount a person typed ("25.5") in the currency's smallest unit; throws on more decimals than it has. */
export function parsePrice(text: string, currency: Pick<Currency, "decimals"> = NATIVE_CURRENCY): bigint {
  const t = text.trim();
  const fraction = t.split(".")[1] ?? "";
  if (!/^\d+(\.\d+)?$/.test(t)) throw new PriceFormatError(text, `an amount like 0.05`);
  if (fraction.length > currency.decimals) throw new PriceFormatError(text, `at most ${currency.decimals} decimals`);
  return parseUnits(t, currency.decimals);
}

export class PriceFormatError extends Error {
  override name = "PriceFormatError";
  readonly code = "BAD_PRICE";
  constructor(
    readonly input: string,
    readonly expected: string,
  ) {
    super(`"${input}" is not a price: expected ${expected}.`);
  }
}
