/** The public check's verdict and advice from the mirror's view of one ticket: a pure function, so it is tested alone. */
import type { Listing, Ticket } from "../indexer-client/schemas";
import type { TicketReference } from "./parse-ticket-reference";
import type { TicketCheck } from "./schema";
import { ticketStatus } from "../ticket-status/ticket-status";

export const OFF_MARKET_WARNING =
  "Pay only through the official Fairgate resale market: it enforces the price cap and hands over the ticket in the same transaction. Any payment outside it (bank transfer, gift card, crypto to a stranger) is a scam risk.";
export const COMPLIMENTARY_WARNING =
  "This ticket was complimentary (issued by the organizer, not bought): the official market hands it on only for free, and it carries no refund if the event is cancelled. Anyone asking money for it is selling it outside the market.";
export const PASS_WARNING =
  "A pass QR from a seller proves nothing: passes change every few seconds and only work on the holder's own phone, so a screenshot or forwarded pass will be refused at the door.";

export function ticketCheckVerdict(
  ref: TicketReference,
  ticket: Ticket | null,
  listing: Listing | null,
  chainId: number,
): TicketCheck {
  const reference = {
    contract: ref.contract,
    tokenId: ref.tokenId.toString(),
    source: ref.source,
    chainId: ref.chainId ?? null,
  };
  if (ref.chainId !== undefined && ref.chainId !== chainId) {
    return {
      reference,
      verdict: "wrong-chain",
      ticket: null,
      warnings: [
        `This pass is for chain ${ref.chainId}; Fairgate here runs on chain ${chainId}. It is not a ticket for this event.`,
        OFF_MARKET_WARNING,
      ],
    };
  }
  if (!ticket) {
    return {
      reference,
      verdict: "unknown",
      ticket: null,
      warnings: ["No such ticket exists in any Fairgate event: do not pay for it.", OFF_MARKET_WARNING],
    };
  }
  const warnings: string[] = [];
  // The one status every screen shows (lib/ticket-status): a gate's admission counts before the chain has it.
  const status = ticketStatus({
    refunded: ticket.refunded,
    eventCancelled: ticket.eventCancelled,
    checkedInOnChain: ticket.checkedInOnChain,
    admittedAt: ticket.checkedInAt,
  });
  const verdict = status.used ? "used" : status.code === "refunded" || status.code === "cancelled" ? "void" : "genuine";
  if (verdict === "used")
    warnings.push("This ticket has already been used to enter. It cannot be used again or moved.");
  if (ticket.eventCancelled)
    warnings.push(
      "This event is cancelled. The holder can claim a refund of the face value; the ticket is worth nothing else.",
    );
  else if (ticket.refunded) warnings.push("This ticket was refunded. It is void.");
  if (ticket.transferMode === "locked")
    warnings.push("This ticket cannot change hands at all. Anyone offering to sell it cannot deliver it.");
  if (ticket.transferMode === "market-only")
    warnings.push(
      `This ticket can change hands only on the official market, at most ${ticket.maxResalePrice ?? "?"} wei. A seller asking for more, or for payment elsewhere, cannot deliver it.`,
    );
  if (verdict === "genuine" && !ticket.paid) warnings.push(COMPLIMENTARY_WARNING);
  if (ticket.identityBound)
    warnings.push(
      "This ticket is bound to its buyer's identity and checked against an ID at the door; only the organizer can move it to someone else.",
    );
  if (listing?.stale)
    warnings.push(
      "The official listing is stale (the ticket moved or was used after it was listed); buying it would fail.",
    );
  warnings.push(OFF_MARKET_WARNING);
  if (ref.source === "pass") warnings.push(PASS_WARNING);
  return {
    reference,
    verdict,
    ticket: {
      eventName: ticket.eventName,
      startTime: ticket.startTime,
      tier: ticket.tier,
      transferMode: ticket.transferMode,
      holder: ticket.owner,
      faceValue: ticket.faceValue,
      maxResalePrice: ticket.maxResalePrice,
      identityBound: ticket.identityBound,
      checkedIn: ticket.checkedIn,
      checkedInAt: ticket.checkedInAt,
      checkedInOnChain: ticket.checkedInOnChain,
      eventCancelled: ticket.eventCancelled,
      refunded: ticket.refunded,
      officialListing:
        listing && listing.status === "open"
          ? { price: listing.price, seller: listing.seller, stale: listing.stale }
          : null,
    },
    warnings,
  };
}
