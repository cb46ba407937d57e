"use client";

import { formatEventTime } from "../../../lib/event-content/display";
import { useEventContent } from "../../hooks/useEventContent";

/**
 * What the organizer wrote about an event (lib/event-content): image, when (in the event's time
 * zone) and where, and the description. Nothing while there is none; `compact` for ticket and pass
 * screens (no image, no description).
 */
export function EventFace({
  contract,
  startTime,
  compact = false,
}: {
  contract: string;
  startTime?: bigint | string | null | undefined;
  compact?: boolean;
}) {
  const { data, imageSrc } = useEventContent(contract);
  const c = data?.content;
  if (!c) return null;
  return (
    <div className="event-face stack" data-testid="event-face" data-version={data.version}>
      {!compact && imageSrc && (
        // biome-ignore lint/performance/noImgElement: any organizer's https host or the indexer's copy; next/image needs every host listed, and nothing is fetched at build time
        <img
          className="event-image"
          src={imageSrc}
          alt=""
          data-testid="event-image"
          style={{ maxWidth: "100%", maxHeight: 320, objectFit: "cover", borderRadius: 8 }}
        />
      )}
      <dl className="kv small">
        {startTime !== undefined && startTime !== null && (
          <>
            <dt>When</dt>
            <dd data-testid="event-when">{formatEventTime(startTime, c.timeZone)}</dd>
          </>
        )}
        {c.doorsOpen !== null && (
          <>
            <dt>Doors</dt>
            <dd data-testid="event-doors">{formatEventTime(c.doorsOpen, c.timeZone)}</dd>
          </>
        )}
        {c.venue && (
          <>
            <dt>Where</dt>
            <dd data-testid="event-venue">
              {c.venue.name}
              {c.venue.address && <span className="muted"> · {c.venue.address}</span>}
            </dd>
          </>
        )}
      </dl>
      {!compact && c.description && (
        <p className="event-description" data-testid="event-description" style={{ whiteSpace: "pre-line" }}>
          {c.description}
        </p>
      )}
    </div>
  );
}
