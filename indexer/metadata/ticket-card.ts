/**
 * What a wallet may show of one ticket, from the mirror and the event's content: the facts both the
 * ERC-721 metadata JSON and the SVG image are drawn from, so the two never disagree. No holder, no
 * identity: a token's metadata is public and fetched by anyone who knows its id.
 */
import { zoneNames } from "../../app/format/ticket-words";
import { ticketStatus, type TicketStatus } from "../../lib/ticket-status/ticket-status";
import type { TicketRow } from "../db/queries/ticket-detail";
import { seatLabel } from "../../lib/seating/venue-layout";
import type { SeatLabel } from "../seating/venue-cache";
import type { MetadataContent } from "./metadata-content";

export type TicketCard = {
  tokenId: string;
  eventName: string;
  /** Unix seconds, null when the mirror has no event row (never for a synced ticket). */
  startTime: number | null;
  /** "Sat 9 Jan 2027, 20:00 UTC": UTC unless the event's content names the venue's time zone. */
  dateText: string;
  tierName: string;
  zoneText: string;
  seatText: string | null;
  status: TicketStatus;
};

/** `1767988800` → "Sat 9 Jan 2027, 20:00 UTC" (or in the venue's time zone, named, when the content gives it). */
export function eventDateText(startTime: number | null, timeZone: string | null = null): string {
  if (startTime === null || !Number.isFinite(startTime)) return "Date to be announced";
  const at = new Date(startTime * 1000);
  if (Number.isNaN(at.getTime())) return "Date to be announced";
  try {
    return formatIn(at, timeZone ?? "UTC");
  } catch {
    return formatIn(at, "UTC"); // a zone this runtime does not know
  }
}

function formatIn(at: Date, timeZone: string): string {
  const day = at.toLocaleDateString("en-GB", {
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone,
  });
  const time = at.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone });
  return `${day}, ${time} ${timeZone}`;
}

/** The one seat format fans see everywhere (lib/seating/venue-layout.ts). */
export function seatText(seat: SeatLabel | undefined): string | null {
  return seat ? seatLabel(seat) : null;
}

/** The on-chain tier has no name: "Tier 0" (as the app names it) unless the organizer's content names it. */
export function tierName(tier: number | null, content: MetadataContent | null): string {
  if (tier === null) return "Ticket";
  return content?.tierNames[tier]?.trim() || `Tier ${tier}`;
}

export function ticketCard(row: TicketRow, seat: SeatLabel | undefined, content: MetadataContent | null): TicketCard {
  const gateAt = row.gate_checked_in_at;
  const startTime = row.start_time === null ? null : Number(row.start_time);
  return {
    tokenId: String(row.token_id),
    eventName: row.event_name ?? "Fairgate ticket",
    startTime,
    dateText: eventDateText(startTime, content?.timeZone ?? null),
    tierName: tierName(row.tier, content),
    zoneText: row.zones === null ? "General" : zoneNames(row.zones).join(", ") || "None",
    seatText: seatText(seat),
    // The one status rule (lib/ticket-status): what the ticket page, My tickets and /check show.
    status: ticketStatus({
      refunded: row.refunded_block !== null,
      eventCancelled: row.cancelled_at !== null,
      checkedInOnChain: row.checked_in_block !== null,
      admittedAt: gateAt === null ? null : (gateAt instanceof Date ? gateAt : new Date(gateAt)).toISOString(),
    }),
  };
}
