/**
 * How many tickets a fan may ask for, and reading what they typed: the one quantity rule of the buy
 * and voucher forms. A quantity is a whole number from 1 to the real limit; anything else is refused
 * in words (never turned into 1, never grown by a stray digit).
 */

/** `EventTicket.MAX_BATCH`: the most tickets one purchase may mint. */
export const MAX_PER_PURCHASE = 500;

export type QuantityLimit = {
  /** The most this wallet may buy now; 0 when it may buy none. */
  max: number;
  /** Why `max` is what it is, in words ("4 left", "at most 4 per wallet; you hold 1"). */
  because: string;
};

/**
 * The most a wallet may buy of a tier now: what is left, the per-purchase batch, and the event's
 * per-wallet cap (`maxPerWallet`, 0 = none) applied to both what it holds and what it ever bought,
 * as `EventTicket._creditWallet` does.
 *
 * @example
 * quantityLimit({ left: 500, maxPerWallet: 4, held: 1, bought: 1 }) // { max: 3, because: "at most 4 per wallet; you have 1" }
 */
export function quantityLimit(f: {
  left: number;
  maxPerWallet: number;
  held?: number;
  bought?: number;
}): QuantityLimit {
  const left = Math.max(0, f.left);
  let max = Math.min(left, MAX_PER_PURCHASE);
  let because = left <= MAX_PER_PURCHASE ? `${left} left` : `at most ${MAX_PER_PURCHASE} per purchase`;
  if (f.maxPerWallet > 0) {
    const used = Math.max(f.held ?? 0, f.bought ?? 0);
    const room = Math.max(0, f.maxPerWallet - used);
    if (room < max || (room === max && used > 0)) {
      max = room;
      because =
        used > 0 ? `at most ${f.maxPerWallet} per wallet; you have ${used}` : `at most ${f.maxPerWallet} per wallet`;
    }
  }
  return { max, because };
}

export type QuantityCheck =
  | { ok: true; quantity: number }
  | { ok: false; code: "QUANTITY_INVALID" | "QUANTITY_ZERO" | "QUANTITY_ABOVE_LIMIT"; message: string };

/**
 * Reads a typed quantity against a limit. Only digits are a quantity: "0" is refused (it never
 * silently becomes 1), and so is anything above the limit, with the limit in words.
 *
 * @example
 * parseQuantity("13", { max: 3, because: "at most 4 per wallet; you have 1" }) // { ok: false, code: "QUANTITY_ABOVE_LIMIT", … }
 */
export function parseQuantity(input: string, limit: QuantityLimit): QuantityCheck {
  const text = input.trim();
  if (!/^\d{1,6}$/.test(text))
    return { ok: false, code: "QUANTITY_INVALID", message: "Enter a whole number of tickets." };
  const quantity = Number(text);
  if (quantity === 0) return { ok: false, code: "QUANTITY_ZERO", message: "Choose at least 1 ticket." };
  if (quantity > limit.max)
    return {
      ok: false,
      code: "QUANTITY_ABOVE_LIMIT",
      message:
        limit.max === 0
          ? `You cannot buy more of these (${limit.because}).`
          : `You can buy at most ${limit.max} (${limit.because}).`,
    };
  return { ok: true, quantity };
}
