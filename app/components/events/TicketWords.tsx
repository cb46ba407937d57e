"use client";

import { tierName, ticketLabel } from "../../../lib/event-content/display";
import type { SeatPlace } from "../../../lib/event-content/display";
import { useEventContent } from "../../hooks/useEventContent";
import { useSeat } from "../../hooks/useSeat";

/** A tier as fans read it: the organizer's name for it, else "Tier N". */
export function TierName({ contract, tier }: { contract: string; tier: number | null | undefined }) {
  const content = useEventContent(contract);
  return (
    <span data-testid="tier-name" data-tier={tier ?? ""}>
      {tierName(content.data?.content, tier)}
    </span>
  );
}

/**
 * A ticket as fans read it: its seat ("Section A · Row 3 · Seat 12") when it has one, else its number.
 * `seat` when the caller has it already; otherwise a seat token asks the indexer.
 */
export function TicketLabel({
  contract,
  tokenId,
  seat,
}: {
  contract: string;
  tokenId: bigint | string;
  seat?: SeatPlace | null | undefined;
}) {
  const id = BigInt(tokenId);
  const asked = useSeat(contract, id);
  return <span data-testid="ticket-label">{ticketLabel(id, seat ?? asked)}</span>;
}
