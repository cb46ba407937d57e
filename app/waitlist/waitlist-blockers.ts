import type { EventView, TierView } from "../chain-reads/read-event";
import type { WaitlistView } from "../chain-reads/read-waitlist";
import type { TicketView } from "../chain-reads/read-ticket";
import { saleBlockWords } from "../../lib/sale-terms";

/** Transfers (and so the waitlist) stop `lockWindow` seconds before the start. */
function transfersClosed(event: EventView, nowSeconds: bigint): boolean {
  return nowSeconds + BigInt(event.lockWindow) >= event.startTime;
}

/** Whether a tier shows a waitlist at all: sold out, transferable, and the chain has a waitlist. */
export function hasWaitlist(tier: TierView, view: Pick<WaitlistView, "waitlist">): boolean {
  return view.waitlist !== null && tier.mode !== 2 && tier.minted >= tier.supply;
}

/**
 * Why the wallet cannot join this tier's waitlist now (the same rules the contract checks, so the
 * wallet never opens for a sure refusal), or null when it can.
 */
export function joinBlocker(event: EventView, tier: TierView, view: WaitlistView, nowSeconds: bigint): string | null {
  if (event.cancelled) return "The event is cancelled, so the waitlist is closed.";
  if (tier.mode === 2) return "This tier is non-transferable, so it has no waitlist.";
  if (tier.minted < tier.supply) return "This tier is not sold out: buy a ticket instead.";
  if (transfersClosed(event, nowSeconds)) return "Tickets can no longer change hands this close to the event.";
  if (view.position > 0) return "You are already on this waitlist.";
  if (event.maxPerWallet > 0 && view.balance >= event.maxPerWallet) {
    return `Your wallet already holds the limit of ${event.maxPerWallet} tickets for this event.`;
  }
  return null;
}

/**
 * Why this ticket cannot be returned to its tier's waitlist now, or null when it can. Returning hands
 * the ticket to the first wallet in the queue and pays the holder `returnPayout` from its deposit. The
 * specific reasons the page can name first, then the rest of the ticket's sale rule (`saleTerms`: a
 * complimentary or recovered ticket, a named one, a passed real-name deadline) in the shared words.
 */
export function returnBlocker(
  t: Pick<TicketView, "checkedIn" | "event" | "tier" | "saleBlock" | "paid">,
  view: WaitlistView,
  nowSeconds: bigint,
): string | null {
  if (view.waitlist === null) return "This chain has no waitlist.";
  if (t.event.cancelled) return "The event is cancelled: claim a refund instead.";
  if (t.checkedIn) return "This ticket was used at the gate; it can no longer be returned.";
  if (t.tier.mode === 2) return "This ticket is non-transferable, so it cannot be returned to a waitlist.";
  if (transfersClosed(t.event, nowSeconds)) return "Tickets can no longer change hands this close to the event.";
  if (t.saleBlock !== "None")
    return saleBlockWords(t.saleBlock, "waitlist", { notRefundable: t.paid ? "recovered" : "complimentary" });
  if (view.length === 0) return "Nobody is waiting for this tier right now.";
  return null;
}

/** What a return pays the holder: face value, or the resale cap when it is lower (the cap binds on every path). */
export function returnPayout(t: Pick<TicketView, "tier" | "maxResalePrice">): bigint {
  return t.maxResalePrice < t.tier.faceValue ? t.maxResalePrice : t.tier.faceValue;
}
