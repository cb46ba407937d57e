"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { getVenue } from "../../../lib/seating/client";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";

/**
 * "Choose seats on the map" when the event has a venue layout; nothing for general admission. Only an event with a
 * reserved tier is asked for its layout: the indexer answers 404 for the others, an error in every fan's console.
 */
export function SeatMapLink({ address, reserved }: { address: string; reserved: boolean }) {
  const { indexerUrl } = useRuntimeConfig();
  const venue = useQuery({
    queryKey: ["venue", address],
    queryFn: () => getVenue(indexerUrl, address),
    enabled: reserved,
    retry: false,
    staleTime: 60_000,
  });
  if (!venue.data) return null;
  return (
    <Link href={`/events/${address}/seats`} data-testid="seat-map-link">
      Choose seats on the map ({venue.data.seats.toLocaleString("en")} seats)
    </Link>
  );
}
