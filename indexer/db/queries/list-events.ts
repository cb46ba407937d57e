/** Every indexed event with its ticket count, newest first. */
import { count, desc, eq } from "drizzle-orm";
import { events, tickets } from "../schema";
import type { DbOrTx } from "../types";

export async function listEvents(db: DbOrTx, page: { limit: number; offset: number }) {
  return db
    .select({
      address: events.address,
      eventId: events.eventId,
      organizer: events.organizer,
      name: events.name,
      startTime: events.startTime,
      createdBlock: events.createdBlock,
      ticketCount: count(tickets.tokenId),
    })
    .from(events)
    .leftJoin(tickets, eq(tickets.contract, events.address))
    .groupBy(events.address)
    .orderBy(desc(events.createdBlock), desc(events.address))
    .limit(page.limit)
    .offset(page.offset);
}

export async function eventExists(db: DbOrTx, address: string): Promise<boolean> {
  const rows = await db
    .select({ a: events.address })
    .from(events)
    .where(eq(events.address, address.toLowerCase()))
    .limit(1);
  return rows.length > 0;
}
