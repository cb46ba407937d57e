"use client";

import { useEffect, useState } from "react";
import { seatStreamUrl } from "../../lib/seating/client";

/**
 * Listens to the indexer's seat stream for one event and calls `onNotice` on every `seats` notice
 * (a hold, a purchase, a rollback). Returns whether the stream is connected, so callers poll
 * slowly while it is and quickly while it is not (EventSource reconnects by itself).
 */
export function useSeatStream(indexerUrl: string, contract: string, onNotice: () => void, enabled = true): boolean {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!enabled || typeof EventSource === "undefined") return;
    const source = new EventSource(seatStreamUrl(indexerUrl, contract));
    source.addEventListener("ready", () => setConnected(true));
    source.addEventListener("seats", () => onNotice());
    source.onerror = () => setConnected(false);
    return () => {
      source.close();
      setConnected(false);
    };
  }, [indexerUrl, contract, onNotice, enabled]);
  return connected;
}
