import { parseUnits } from "viem";
import { formatPrice, NATIVE_CURRENCY, type Currency } from "../../lib/currency/currency";

export type PriceCheck =
  | { ok: true; wei: bigint }
  | { ok: false; code: "PRICE_INVALID" | "PRICE_ABOVE_CAP" | "PRICE_ZERO_NOT_CHOSEN"; message: string };

/** The largest price a listing can carry (`ResaleMarket.list` takes a uint96). */
const MAX_UINT96 = (1n << 96n) - 1n;

/**
 * Checks a resale price typed in the event's currency (ETH by default) against the ticket's cap,
 * before any wallet opens. `wei` is the amount in the currency's smallest unit. A typed 0 for a ticket
 * with a face value is refused: giving a paid ticket away is its own explicit choice on the form.
 *
 * @example
 * checkResalePrice("0.2", 150000000000000000n) // { ok: false, code: "PRICE_ABOVE_CAP", … }
 */
export function checkResalePrice(
  input: string,
  cap: bigint,
  currency: Pick<Currency, "symbol" | "decimals"> = NATIVE_CURRENCY,
  faceValue = 0n,
): PriceCheck {
  const text = input.trim();
  const d = currency.decimals;
  if (!(d > 0 ? new RegExp(`^\\d+(\\.\\d{1,${d}})?$`) : /^\d+$/).test(text)) {
    return {
      ok: false,
      code: "PRICE_INVALID",
      message: `Enter a price in ${currency.symbol}, e.g. 0.05 (up to ${d} decimals).`,
    };
  }
  const wei = parseUnits(text, d);
  if (wei > cap) {
    return {
      ok: false,
      code: "PRICE_ABOVE_CAP",
      message: `The price ${formatPrice(wei, currency)} is above this ticket's resale cap of ${formatPrice(cap, currency)}.`,
    };
  }
  if (wei === 0n && faceValue > 0n) {
    return {
      ok: false,
      code: "PRICE_ZERO_NOT_CHOSEN",
      message: `A price of 0 gives this ${formatPrice(faceValue, currency)} ticket away. To do that, choose "Give it away for free".`,
    };
  }
  if (wei > MAX_UINT96) return { ok: false, code: "PRICE_INVALID", message: "That price is too large." };
  return { ok: true, wei };
}
