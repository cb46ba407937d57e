import type { EventView } from "../../chain-reads/read-event";
import { formatTime } from "../../format/ticket-words";

/** The event-wide rules a fan should know before buying. */
export function EventRules({ event }: { event: EventView }) {
  return (
    <dl className="kv" data-testid="event-rules">
      <dt>Starts</dt>
      <dd>{formatTime(event.startTime)}</dd>
      <dt>Ends</dt>
      <dd>{formatTime(event.endTime)}</dd>
      <dt>Per wallet</dt>
      <dd>{event.maxPerWallet === 0 ? "no limit" : `at most ${event.maxPerWallet} tickets`}</dd>
      <dt>Transfers stop</dt>
      <dd>{event.lockWindow === 0 ? "at the start" : `${Math.round(event.lockWindow / 3600)} h before the start`}</dd>
      <dt>Resale royalty</dt>
      <dd>{event.royaltyBps / 100}% to the organizer</dd>
      <dt>Tickets issued</dt>
      <dd>{event.totalMinted.toString()}</dd>
    </dl>
  );
}
