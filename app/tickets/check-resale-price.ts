import { parseEther } from "viem";
import { formatEth } from "../format/ticket-words";

export type PriceCheck = { ok: true; wei: bigint } | { ok: false; code: "PRICE_INVALID" | "PRICE_ABOVE_CAP"; message: string };

/** The largest price a listing can carry (`ResaleMarket.list` takes a uint96). */
const MAX_UINT96 = (1n << 96n) - 1n;

/**
 * Checks a resale price typed in ETH against the ticket's cap, before any wallet opens.
 *
 * @example
 * checkResalePrice("0.2", 150000000000000000n) // { ok: false, code: "PRICE_ABOVE_CAP", … }
 */
export function checkResalePrice(input: string, cap: bigint): PriceCheck {
  const text = input.trim();
  if (!/^\d+(\.\d{1,18})?$/.test(text)) {
    return { ok: false, code: "PRICE_INVALID", message: "Enter a price in ETH, e.g. 0.05 (up to 18 decimals)." };
  }
  const wei = parseEther(text);
  if (wei > cap) {
    return { ok: false, code: "PRICE_ABOVE_CAP", message: `The price ${formatEth(wei)} is above this ticket's resale cap of ${formatEth(cap)}.` };
  }
  if (wei > MAX_UINT96) return { ok: false, code: "PRICE_INVALID", message: "That price is too large." };
  return { ok: true, wei };
}
