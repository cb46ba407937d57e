import { z } from "zod";
import { IndexerError } from "./errors";
import { fetchIndexerJson, type FetchIndexerJsonOptions } from "./fetch-json";

/** One event as listed by the indexer's `GET /events`. */
export type EventSummary = {
  address: `0x${string}`;
  name: string;
  organizer: `0x${string}`;
  startTime: string | null;
  ticketCount: number | null;
};

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
const entrySchema = z.looseObject({
  address,
  name: z.string().nullish(),
  organizer: address,
  startTime: z.union([z.string(), z.number()]).nullish(),
  ticketCount: z.union([z.number(), z.string().regex(/^\d+$/)]).nullish(),
});
const bodySchema = z.looseObject({ events: z.array(z.unknown()) });

/**
 * Validates a `GET /events` body; unreadable entries are dropped and counted.
 *
 * @example
 * parseEventsResponse({ events: [{ address: "0x…", organizer: "0x…", name: "Gig" }] }, url)
 */
export function parseEventsResponse(body: unknown, url: string): { events: EventSummary[]; skipped: number } {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success) throw new IndexerError("INDEXER_BAD_RESPONSE", "The indexer's event list has an unexpected shape.", { url, cause: parsed.error });
  const events: EventSummary[] = [];
  let skipped = 0;
  for (const raw of parsed.data.events) {
    const entry = entrySchema.safeParse(raw);
    if (!entry.success) {
      skipped++;
      continue;
    }
    const e = entry.data;
    events.push({
      address: e.address as `0x${string}`,
      name: e.name ?? "Untitled event",
      organizer: e.organizer as `0x${string}`,
      startTime: e.startTime == null ? null : String(e.startTime),
      ticketCount: e.ticketCount == null ? null : Number(e.ticketCount),
    });
  }
  return { events, skipped };
}

/** Every event the indexer knows, newest first. */
export async function fetchEvents(indexerUrl: string, options?: FetchIndexerJsonOptions) {
  const path = "/events?limit=100";
  const { body } = await fetchIndexerJson(indexerUrl, path, options);
  return parseEventsResponse(body, `${indexerUrl}${path}`);
}
