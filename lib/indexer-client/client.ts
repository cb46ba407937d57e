/**
 * Typed client for the indexer's HTTP API. Every response is validated against the same zod
 * schemas the server's routes are typed with (./schemas.ts), so drift fails loudly here.
 */
import type { z } from "zod";
import {
  arrivalsResponseSchema,
  gatesResponseSchema,
  hoardingResponseSchema,
  leaksResponseSchema,
  noShowsResponseSchema,
  primarySalesResponseSchema,
  resalePricesResponseSchema,
} from "./analytics-schemas";
import { IndexerClientError } from "./errors";
import {
  changeEventSchema,
  eventDetailSchema,
  eventsResponseSchema,
  healthSchema,
  listingsResponseSchema,
  salesResponseSchema,
  ticketDetailSchema,
  ticketsResponseSchema,
  waitlistResponseSchema,
  type ChangeEvent,
} from "./schemas";
import { requestJson } from "./request-json";
import { readSse } from "./sse";
import { ticketCheckSchema } from "../ticket-check/schema";

export type IndexerClientOptions = {
  /** e.g. http://127.0.0.1:4100 */
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  /** Per-request timeout (not applied to the stream). */
  timeoutMs?: number;
};

export type Page = { limit?: number; offset?: number };

export type ArrivalsOptions = { bucketSeconds?: number; from?: Date | string; to?: Date | string; gate?: string };
export type HoardingOptions = { over?: number; minSources?: number; windowBlocks?: number; limit?: number };

const isoOf = (t: Date | string | undefined) => (t instanceof Date ? t.toISOString() : t);

/** Per-call options: `signal` cancels the request (e.g. React Query's), and is rethrown untouched. */
export type RequestOptions = {
  signal?: AbortSignal | undefined;
  /** Bearer token: the organizer's session for `/analytics` (lib/indexer-client/organizer-session.ts). */
  token?: string | undefined;
};

/**
 * @example
 * const indexer = createIndexerClient({ baseUrl: "http://127.0.0.1:4100" });
 * const { tickets } = await indexer.ticketsByOwner("0x…");
 * const stop = indexer.watchChanges((change) => refetch());
 */
export function createIndexerClient(options: IndexerClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 5_000;

  async function get<S extends z.ZodType>(
    schema: S,
    path: string,
    query: Record<string, string | number | bigint | undefined> = {},
    accept: number[] = [],
    { signal, token }: RequestOptions = {},
  ): Promise<z.output<S>> {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, String(v));
    return requestJson(`${base}${path}${qs.size > 0 ? `?${qs}` : ""}`, schema, {
      acceptStatuses: accept,
      signal,
      timeoutMs,
      fetch: doFetch,
      cache: "no-store",
      ...(token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    });
  }

  return {
    /** Sync progress; a lagging or failing indexer answers 503 with the same body, returned here too. */
    health: (r?: RequestOptions) => get(healthSchema, "/health", {}, [503], r),
    ticketsByOwner: (owner: string, o: Page & { contract?: string } = {}, r?: RequestOptions) =>
      get(ticketsResponseSchema, "/tickets", { owner, ...o }, [], r),
    ticket: (contract: string, tokenId: bigint | string, r?: RequestOptions) =>
      get(ticketDetailSchema, `/tickets/${contract}/${tokenId}`, {}, [], r),
    /** The public ticket check: `q` is `contract/tokenId`, a ticket link or a scanned pass. */
    checkTicket: (q: string, r?: RequestOptions) => get(ticketCheckSchema, "/check", { q }, [], r),
    events: (o: Page = {}, r?: RequestOptions) => get(eventsResponseSchema, "/events", o, [], r),
    event: (address: string, r?: RequestOptions) => get(eventDetailSchema, `/events/${address}`, {}, [], r),
    /** Waitlist length per tier; with `wallet`, its 1-based position in each queue it is in. */
    waitlist: (address: string, o: { wallet?: string } = {}, r?: RequestOptions) =>
      get(waitlistResponseSchema, `/events/${address}/waitlist`, o, [], r),
    /** Resale listings, newest first; `contract` + `tokenId` give one ticket's. */
    listings: (
      o: Page & { contract?: string; tokenId?: bigint | string; seller?: string; status?: "open" | "all" } = {},
      r?: RequestOptions,
    ) => get(listingsResponseSchema, "/listings", o, [], r),
    sales: (o: Page & { contract?: string; account?: string } = {}, r?: RequestOptions) =>
      get(salesResponseSchema, "/sales", o, [], r),
    /** Organizer analytics for one event (`GET /analytics/:contract/…`): pass the organizer's session as `token` (primary sales are public). */
    analytics: {
      /** Admissions per bucket (default one minute) per gate. */
      arrivals: (contract: string, o: ArrivalsOptions = {}, r?: RequestOptions) =>
        get(
          arrivalsResponseSchema,
          `/analytics/${contract}/arrivals`,
          { ...o, from: isoOf(o.from), to: isoOf(o.to) },
          [],
          r,
        ),
      /** Throughput and busiest minute per gate and overall. */
      gates: (contract: string, r?: RequestOptions) =>
        get(gatesResponseSchema, `/analytics/${contract}/gates`, {}, [], r),
      /** Attended, refunded and no-shows per tier (no-shows null before the start). */
      noShows: (contract: string, r?: RequestOptions) =>
        get(noShowsResponseSchema, `/analytics/${contract}/no-shows`, {}, [], r),
      /** Face-value sales per block, tickets minted and checked in on chain (the dashboard's sales and attendance). */
      primarySales: (contract: string, r?: RequestOptions) =>
        get(primarySalesResponseSchema, `/analytics/${contract}/primary-sales`, {}, [], r),
      /** Resale price statistics and histogram (basis points of face) per tier, against the cap. */
      resalePrices: (contract: string, o: { bucketBps?: number } = {}, r?: RequestOptions) =>
        get(resalePricesResponseSchema, `/analytics/${contract}/resale-prices`, o, [], r),
      /** Wallets / identities over `over` tickets, and funnels. */
      hoarding: (contract: string, o: HoardingOptions = {}, r?: RequestOptions) =>
        get(hoardingResponseSchema, `/analytics/${contract}/hoarding`, o, [], r),
      /** Non-public (sponsor, staff, artist, …) tickets that moved, were listed or sit with a public buyer. */
      leaks: (contract: string, o: { limit?: number } = {}, r?: RequestOptions) =>
        get(leaksResponseSchema, `/analytics/${contract}/leaks`, o, [], r),
    },
    /** Prometheus text. */
    async metrics(): Promise<string> {
      const res = await doFetch(`${base}/metrics`, { signal: AbortSignal.timeout(timeoutMs) });
      return res.text();
    },
    /**
     * Calls `onChange` for every committed range or rollback until the returned function is
     * called. Reconnects (with Last-Event-ID) after a dropped connection, at most every `retryMs`.
     * `onReady` fires each time the stream (re)connects; `onError` each time it drops or is refused.
     */
    watchChanges(
      onChange: (change: ChangeEvent) => void,
      o: { retryMs?: number; onError?: (err: unknown) => void; onReady?: () => void } = {},
    ): () => void {
      const stop = new AbortController();
      let lastId: string | undefined;
      void (async () => {
        while (!stop.signal.aborted) {
          try {
            const res = await doFetch(`${base}/stream`, {
              signal: stop.signal,
              headers: { accept: "text/event-stream", ...(lastId ? { "last-event-id": lastId } : {}) },
            });
            if (!res.ok || !res.body)
              throw new IndexerClientError("INDEXER_HTTP_ERROR", "stream refused", {
                url: `${base}/stream`,
                status: res.status,
              });
            for await (const msg of readSse(res.body, stop.signal)) {
              if (msg.event === "ready") o.onReady?.();
              if (msg.event !== "change") continue;
              const parsed = changeEventSchema.safeParse(JSON.parse(msg.data));
              if (!parsed.success) continue;
              lastId = msg.id;
              onChange(parsed.data);
            }
            // The server ended the stream (e.g. it is shutting down): report it, then reconnect.
            if (!stop.signal.aborted)
              o.onError?.(
                new IndexerClientError("INDEXER_UNREACHABLE", "the change stream ended", { url: `${base}/stream` }),
              );
          } catch (err) {
            if (stop.signal.aborted) return;
            o.onError?.(err);
          }
          await new Promise((r) => setTimeout(r, o.retryMs ?? 1_000));
        }
      })();
      return () => stop.abort();
    },
  };
}

export type IndexerClient = ReturnType<typeof createIndexerClient>;
