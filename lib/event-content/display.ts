/**
 * How a screen words an event's content: a tier's name (the organizer's, else "Tier N"), and a
 * moment in the event's own time zone (the fan's zone when the organizer named none).
 */
import { seatOfToken } from "../seating/seat-token";
import { seatLabel } from "../seating/venue-layout";

type TierNames = { tierNames: readonly string[] } | null | undefined;

export function tierName(content: TierNames, tier: number | null | undefined): string {
  if (tier === null || tier === undefined) return "Ticket";
  const named = content?.tierNames[tier]?.trim();
  return named ? named : `Tier ${tier}`;
}

/** e.g. "Mon, 14 Mar 2033, 19:30 CET" in `timeZone`; unix seconds in. */
export function formatEventTime(unixSeconds: number | bigint | string, timeZone?: string | null): string {
  const ms = Number(unixSeconds) * 1000;
  if (!Number.isFinite(ms)) return "";
  return new Intl.DateTimeFormat("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: timeZone ?? undefined,
    timeZoneName: "short",
  }).format(new Date(ms));
}

export type SeatPlace = { section: string; row: string; number: number };

/**
 * A ticket's name on a fan's screen: "Section A · Row 3 · Seat 12" for a seat (its token id is a
 * packed tier and seat, meaningless to read), else "Ticket #7". A seat token whose layout is
 * unknown is "Reserved seat", never the packed number.
 */
export function ticketLabel(tokenId: bigint, seat: SeatPlace | null | undefined): string {
  if (seat) return seatLabel(seat);
  return seatOfToken(tokenId) ? "Reserved seat" : `Ticket #${tokenId}`;
}
