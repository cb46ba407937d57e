"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { getVenue } from "../../../lib/seating/client";
import { useRuntimeConfig } from "../../hooks/useRuntimeConfig";

/**
 * "Choose seats on the map" when the event has a venue layout (an organizer may upload one before any tier is
 * reserved); nothing for general admission, which the indexer answers with null rather than a 404.
 */
export function SeatMapLink({ address }: { address: string }) {
  const { indexerUrl } = useRuntimeConfig();
  const venue = useQuery({
    queryKey: ["venue", address],
    queryFn: () => getVenue(indexerUrl, address),
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
