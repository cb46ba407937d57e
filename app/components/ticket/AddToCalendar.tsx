"use client";

import type { Address } from "viem";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";
import { buildIcs } from "../../tickets/calendar-ics";

/** "Add to calendar": an .ics file of the event built in the browser (app/tickets/calendar-ics.ts), nothing sent anywhere. */
export function AddToCalendar({
  contract,
  tokenId,
  title,
  start,
  end,
  details,
}: {
  contract: Address;
  tokenId: bigint;
  title: string;
  start: bigint;
  end: bigint;
  details: string;
}) {
  const { chainId } = useRuntimeConfig();
  const download = () => {
    const ics = buildIcs(
      {
        // One entry per ticket, stable across downloads, so a second download updates it.
        uid: `${chainId}-${contract.toLowerCase()}-${tokenId}@fairgate`,
        title,
        start: Number(start),
        end: Number(end > start ? end : start),
        description: details,
        url: `${window.location.origin}/tickets/${contract}/${tokenId}`,
      },
      new Date(),
    );
    const href = URL.createObjectURL(new Blob([ics], { type: "text/calendar;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = href;
    a.download = `ticket-${tokenId}.ics`;
    a.click();
    URL.revokeObjectURL(href);
  };
  return (
    <button type="button" className="button secondary" data-testid="add-to-calendar" onClick={download}>
      Add to calendar
    </button>
  );
}
