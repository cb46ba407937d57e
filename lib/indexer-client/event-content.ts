/**
 * The typed client for an event's signed content (`/events/:address/content`, lib/event-content):
 * read it (none yet is `null`, not an error), resolve its image to an address a page can show, and
 * send the organizer's signed version. Answers are checked with the server's own zod schema.
 */
import {
  type EventContentResponse,
  eventContentResponseSchema,
  type EventContent,
} from "../event-content/content-schema";
import { IndexerClientError } from "./errors";

export type SignedEventContent = { version: number; content: EventContent; signature: `0x${string}` };

export function createEventContentClient(options: {
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;

  async function call(path: string, init: RequestInit, signal?: AbortSignal): Promise<EventContentResponse | null> {
    const url = `${base}${path}`;
    const timeout = AbortSignal.timeout(timeoutMs);
    let res: Response;
    try {
      res = await doFetch(url, { ...init, signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new IndexerClientError("INDEXER_UNREACHABLE", "Cannot reach the Fairgate server. Check the connection.", {
        url,
        cause,
      });
    }
    const json = (await res.json().catch(() => null)) as { error?: { code?: unknown; message?: unknown } } | null;
    if (res.status === 404 && json?.error?.code === "NOT_FOUND") return null;
    if (!res.ok) {
      const apiCode = typeof json?.error?.code === "string" ? json.error.code : undefined;
      const message = typeof json?.error?.message === "string" ? json.error.message : `HTTP ${res.status}`;
      throw new IndexerClientError(apiCode ?? "INDEXER_HTTP_ERROR", message, {
        url,
        status: res.status,
        ...(apiCode ? { apiCode } : {}),
      });
    }
    const parsed = eventContentResponseSchema.safeParse(json);
    if (!parsed.success)
      throw new IndexerClientError(
        "INDEXER_BAD_RESPONSE",
        "The server sent event content this app does not understand.",
        {
          url,
          status: res.status,
          cause: parsed.error,
        },
      );
    return parsed.data;
  }

  return {
    /** The event's content, or null when its organizer has written none. */
    content(address: string, { signal }: { signal?: AbortSignal } = {}) {
      return call(`/events/${address}/content`, { headers: { accept: "application/json" } }, signal);
    },
    /** Where to load the event's image from: its https address, or the server's copy of an upload. */
    imageSrc(content: EventContentResponse | null): string | null {
      const image = content?.content.image;
      if (!image) return null;
      return image.kind === "url" ? image.url : `${base}${image.path}`;
    },
    /** Stores the organizer's signed version; refusals throw with the server's code (NOT_ORGANIZER, STALE_VERSION, …). */
    async put(address: string, signed: SignedEventContent): Promise<EventContentResponse> {
      const saved = await call(`/events/${address}/content`, {
        method: "PUT",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(signed),
      });
      if (!saved)
        throw new IndexerClientError("INDEXER_BAD_RESPONSE", "The server did not store the content.", { url: base });
      return saved;
    },
  };
}

export type EventContentClient = ReturnType<typeof createEventContentClient>;
