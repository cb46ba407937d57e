/**
 * The ticket's one sale rule (`EventTicket.saleTerms(tokenId).blocker`, Solidity enum `SaleBlock`),
 * in words. The market (`MarketTicketNotForSale(tokenId, reason)`) and the waitlist
 * (`WaitlistTicketNotReturnable(tokenId, reason)`) refuse with the same reason; the app (error words,
 * ticket page) and the CLI (decoder) say it with these sentences, so a reason reads the same everywhere.
 */

/** `SaleBlock` in declaration order: the enum value is the index (order = precedence on chain). */
export const SALE_BLOCKS = [
  "None",
  "Cancelled",
  "CheckedIn",
  "SalesClosed",
  "Soulbound",
  "Named",
  "BindingClosed",
  "NotRefundable",
] as const;
export type SaleBlock = (typeof SALE_BLOCKS)[number];

/** Where the ticket was to go: sold on the market, or returned to its tier's waitlist. */
export type SalePath = "market" | "waitlist";

/**
 * The enum's name for an on-chain value (a number from `saleTerms` or a decoded error argument), or a
 * name already; unknown values stay visible.
 */
export function saleBlockName(reason: unknown): SaleBlock | `SaleBlock(${string})` {
  if (typeof reason === "string" && (SALE_BLOCKS as readonly string[]).includes(reason)) return reason as SaleBlock;
  const n = typeof reason === "bigint" ? Number(reason) : typeof reason === "number" ? reason : Number.NaN;
  return SALE_BLOCKS[n] ?? `SaleBlock(${String(reason)})`;
}

/** Complimentary (never paid for) or recovered (the refund right stayed with the wallet it was taken from). */
export type NotRefundableKind = "complimentary" | "recovered";

/**
 * Why the ticket cannot be sold (market) or returned (waitlist), one sentence. `notRefundable` names
 * which kind of ticket lacks a refund right when the caller knows it (the ticket page does; a decoded
 * revert does not, and then both kinds are named).
 *
 * @example
 * saleBlockWords(7, "market", { notRefundable: "complimentary" })
 * // "Complimentary tickets can be passed on for free, not sold: list it at price 0 or send it."
 */
export function saleBlockWords(
  reason: unknown,
  path: SalePath,
  opts: { notRefundable?: NotRefundableKind } = {},
): string {
  const sold = path === "market" ? "sold" : "returned to the waitlist";
  switch (saleBlockName(reason)) {
    case "None":
      return path === "market" ? "The ticket can be sold." : "The ticket can be returned to the waitlist.";
    case "Cancelled":
      return `The event is cancelled, so the ticket cannot be ${sold}: its holder claims a refund instead.`;
    case "CheckedIn":
      return `The ticket was used at the gate, so it cannot be ${sold}.`;
    case "SalesClosed":
      return `The ticket cannot be ${sold} any more: the lock window before the event has started (or the event is over).`;
    case "Soulbound":
      return `The ticket is non-transferable (a locked tier or channel, or bound to its holder's identity), so it cannot be ${sold}.`;
    case "Named":
      return `The ticket carries its buyer's identity (a named ticket): the door checks the holder's ID against it, so it cannot be ${sold}.`;
    case "BindingClosed":
      return `The real-name deadline for this tier has passed and the ticket is not bound to a name: the door would refuse it, so it cannot be ${sold}.`;
    case "NotRefundable": {
      const kind =
        opts.notRefundable === "complimentary"
          ? "Complimentary tickets"
          : opts.notRefundable === "recovered"
            ? "A recovered ticket's refund right stayed with the wallet it was recovered from, so recovered tickets"
            : "Complimentary and recovered tickets carry no refund right, so they";
      return path === "market"
        ? `${kind} can be passed on for free, not sold: list it at price 0 or send it.`
        : `${kind} can be passed on for free, not returned to the waitlist (whoever takes it would pay for a ticket with no refund right): send it instead.`;
    }
    default:
      return `The ticket's sale rule refuses it (${saleBlockName(reason)}).`;
  }
}
