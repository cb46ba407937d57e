/**
 * What one range of logs does to the tables, inside the caller's transaction. Bulk work first
 * (events, tiers, transfers with each new token's tier/paid/identity, issuance rows), then the
 * order-sensitive handlers one log at a time in chain order. Every write is idempotent.
 */
import type { DbTx } from "../db/types";
import type { ChainLog, LogOf } from "../sync/chain-logs";
import type { EventRules } from "../sync/read-event-rules";
import { insertActivity } from "./activity";
import { handleIdentityBound, insertAllocationRules } from "./allocation";
import { insertEvents, insertTiers } from "./event-created";
import { insertIssuance, tokenAttributes } from "./issuance";
import { handleListed, handleListingCancelled, handleSold } from "./market";
import { handleCheckedIn, handleEventCancelled, handleRefunded, handleTicketRecovered } from "./ticket-state";
import { applyTransfers } from "./transfers";
import { handleWaitlistLog, isWaitlistLog } from "./waitlist";

export async function applyLogs(
  tx: DbTx,
  logs: readonly ChainLog[],
  newEvents: ReadonlyMap<string, EventRules>,
): Promise<void> {
  const of = <N extends ChainLog["eventName"]>(name: N) => logs.filter((l): l is LogOf<N> => l.eventName === name);
  await insertEvents(tx, of("EventCreated"), newEvents);
  await insertTiers(tx, of("TierCreated"));
  await applyTransfers(tx, of("Transfer"), tokenAttributes(logs));
  await insertIssuance(tx, logs);
  await insertActivity(tx, logs);
  await insertAllocationRules(tx, logs);
  for (const log of logs) {
    if (isWaitlistLog(log)) {
      await handleWaitlistLog(tx, log);
      continue;
    }
    switch (log.eventName) {
      case "Listed":
        await handleListed(tx, log);
        break;
      case "ListingCancelled":
        await handleListingCancelled(tx, log);
        break;
      case "Sold":
        await handleSold(tx, log);
        break;
      case "CheckedIn":
        await handleCheckedIn(tx, log);
        break;
      case "Refunded":
        await handleRefunded(tx, log);
        break;
      case "EventCancelled":
        await handleEventCancelled(tx, log);
        break;
      case "TicketRecovered":
        await handleTicketRecovered(tx, log);
        break;
      case "IdentityBound":
        await handleIdentityBound(tx, log);
        break;
    }
  }
}
