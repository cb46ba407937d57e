/**
 * What a resale pays whom, as the market pays it: the organizer's royalty is `EventTicket.royaltyInfo`
 * (price × royaltyBps / 10 000, rounded down), the seller receives the rest. The seller's form and the
 * receipt both show this split, so neither can promise more than the chain pays.
 *
 * @example
 * resaleProceeds(60_000_000_000_000_000n, 500) // { royalty: 3_000_000_000_000_000n, seller: 57_000_000_000_000_000n }
 */
export function resaleProceeds(price: bigint, royaltyBps: number): { royalty: bigint; seller: bigint } {
  if (price < 0n) throw new RangeError(`a price cannot be negative: ${price}`);
  const bps = BigInt(Math.min(10_000, Math.max(0, Math.floor(royaltyBps))));
  const royalty = (price * bps) / 10_000n;
  return { royalty, seller: price - royalty };
}
