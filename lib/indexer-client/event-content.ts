/**
 * The typed client for an event's signed content (`/events/:address/content`, lib/event-content):
 * read it (none yet is `null`, not an error), resolve its image to an address a page can show, and
 * send the organizer's signed version. Through the one request core (./request-json.ts), answers
 * checked with the server's own zod schema.
 */
import {
  type EventContent,
  type EventContentResponse,
  eventContentResponseSchema,
} from "../event-content/content-schema";
import { IndexerClientError } from "./errors";
import { requestJson } from "./request-json";

export type SignedEventContent = { version: number; content: EventContent; signature: `0x${string}` };

export function createEventContentClient(options: {
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const common = {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  };

  return {
    /** The event's content, or null when its organizer has written none. */
    async content(address: string, { signal }: { signal?: AbortSignal } = {}): Promise<EventContentResponse | null> {
      try {
        // null: none written (an older server answered 404, caught below).
        return await requestJson(`${base}/events/${address}/content`, eventContentResponseSchema.nullable(), {
          ...common,
          signal,
          cache: "no-store",
        });
      } catch (err) {
        if (err instanceof IndexerClientError && err.code === "NOT_FOUND") return null;
        throw err;
      }
    },
    /** Where to load the event's image from: its https address, or the server's copy of an upload. */
    imageSrc(content: EventContentResponse | null): string | null {
      const image = content?.content.image;
      if (!image) return null;
      return image.kind === "url" ? image.url : `${base}${image.path}`;
    },
    /** Stores the organizer's signed version; refusals throw with the server's code (NOT_ORGANIZER, STALE_VERSION, …). */
    put(address: string, signed: SignedEventContent): Promise<EventContentResponse> {
      return requestJson(`${base}/events/${address}/content`, eventContentResponseSchema, {
        ...common,
        method: "PUT",
        body: JSON.stringify(signed),
      });
    },
  };
}

export type EventContentClient = ReturnType<typeof createEventContentClient>;
