import type { OnsaleEntryStatus } from "../../../lib/onsale/types";
import { formatWait } from "../../sale/format-wait";

const HEADLINE: Record<OnsaleEntryStatus["state"], string> = {
  early: "You are in the waiting room",
  waiting: "You are in the queue",
  admitted: "It is your turn",
  voucher: "Your voucher is ready",
  expired: "Your turn has passed",
};

/** Where the fan stands: position, people ahead and estimated wait, updated live by the server. */
export function QueuePosition({ status, live }: { status: OnsaleEntryStatus; live: boolean }) {
  return (
    <section
      className="panel stack queue-card"
      data-testid="queue-status"
      data-state={status.state}
      data-position={status.position ?? ""}
      data-ahead={status.ahead ?? ""}
    >
      <div className="row">
        <h2>{HEADLINE[status.state]}</h2>
        {status.state !== "voucher" && status.state !== "expired" && (
          <span className="muted small" data-testid="queue-live" data-live={String(live)}>
            {live ? "● live" : "○ reconnecting…"}
          </span>
        )}
      </div>
      {status.state === "early" && (
        <p>
          The sale opens at <strong>{new Date(status.opensAt).toLocaleTimeString()}</strong>. Everyone who arrived
          before then gets a random place by lottery, so arriving earlier gives no edge. Keep this page open: it updates
          by itself.
        </p>
      )}
      {status.state === "waiting" && (
        <dl className="kv">
          <dt>Your place</dt>
          <dd data-testid="queue-position">#{status.position}</dd>
          <dt>People ahead of you</dt>
          <dd data-testid="queue-ahead">{status.ahead}</dd>
          <dt>Estimated wait</dt>
          <dd data-testid="queue-wait">{formatWait(status.estimatedWaitSeconds)}</dd>
        </dl>
      )}
      {status.state === "admitted" && status.admissionExpiresAt && (
        <p>
          Get your voucher before{" "}
          <strong data-testid="admission-expires">{new Date(status.admissionExpiresAt).toLocaleTimeString()}</strong>.
        </p>
      )}
      {status.state === "expired" && <p>The time to get your voucher ran out. Your place went to the next fan.</p>}
    </section>
  );
}
