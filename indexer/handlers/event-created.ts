/** TicketFactory `EventCreated`: a new event contract to index. */
import { events } from "../db/schema";
import type { DbTx } from "../db/types";
import type { EventCreatedLog } from "../sync/range-logs";

export async function handleEventCreated(tx: DbTx, log: EventCreatedLog): Promise<void> {
  const { ticket, organizer, eventId, name, startTime } = log.args;
  await tx
    .insert(events)
    .values({
      address: ticket.toLowerCase(),
      eventId,
      organizer: organizer.toLowerCase(),
      name,
      startTime,
      createdBlock: Number(log.blockNumber),
      createdTx: log.transactionHash.toLowerCase(),
    })
    .onConflictDoNothing();
}
