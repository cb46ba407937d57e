import { z } from "zod";
import { IndexerError } from "./errors";
import { fetchIndexerJson, type FetchIndexerJsonOptions } from "./fetch-json";

/** One ticket as the app shows it, whatever spelling the indexer used. */
export type Ticket = {
  /** The event's EventTicket contract. */
  contract: `0x${string}`;
  /** Decimal string: token ids are uint256 and may not fit in a JS number. */
  tokenId: string;
  owner: `0x${string}` | null;
  eventName: string | null;
  checkedIn: boolean;
};

export type TicketsResult = {
  tickets: Ticket[];
  /** Entries the app could not read (missing contract or token id); shown as a warning, never guessed. */
  skipped: number;
};

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "not an address");
const decimal = z.union([
  z.string().regex(/^\d+$/),
  z.number().int().nonnegative(),
  z.bigint().nonnegative(),
]);

/**
 * The fields the app reads from one ticket entry. Loose: other fields (tier, zone, provenance …)
 * pass untouched, and a few plausible alternative spellings are accepted so that small API
 * changes do not blank the page.
 */
const ticketEntrySchema = z.looseObject({
  contract: address.optional(),
  contractAddress: address.optional(),
  eventAddress: address.optional(),
  tokenId: decimal.optional(),
  id: decimal.optional(),
  owner: address.nullish(),
  eventName: z.string().nullish(),
  name: z.string().nullish(),
  event: z
    .union([address, z.looseObject({ address: address.optional(), name: z.string().nullish() })])
    .nullish()
    .catch(undefined),
  checkedIn: z.boolean().optional(),
  checkedInAt: z.unknown().optional(),
  status: z.string().optional(),
});

const ticketsResponseSchema = z.union([
  z.looseObject({ tickets: z.array(z.unknown()) }),
  z.looseObject({ items: z.array(z.unknown()) }),
  z.array(z.unknown()),
]);

function toTicket(entry: unknown): Ticket | null {
  const parsed = ticketEntrySchema.safeParse(entry);
  if (!parsed.success) return null;
  const raw = parsed.data;
  const event = typeof raw.event === "string" ? { address: raw.event, name: undefined } : raw.event;
  const contract = raw.contract ?? raw.contractAddress ?? raw.eventAddress ?? event?.address;
  const tokenId = raw.tokenId ?? raw.id;
  if (contract === undefined || tokenId === undefined) return null;
  const status = raw.status?.toLowerCase().replace(/[\s_-]/g, "");
  return {
    contract: contract as `0x${string}`,
    tokenId: String(tokenId),
    owner: (raw.owner ?? null) as `0x${string}` | null,
    eventName: raw.eventName ?? event?.name ?? raw.name ?? null,
    checkedIn: raw.checkedIn ?? (status === "checkedin" || (raw.checkedInAt !== undefined && raw.checkedInAt !== null)),
  };
}

/**
 * Validates a `GET /tickets?owner=` body and normalises its entries. Throws an
 * {@link IndexerError} `INDEXER_BAD_RESPONSE` when the body has no ticket list at all.
 *
 * @example
 * parseTicketsResponse({ owner: "0x…", tickets: [{ contract: "0x…", tokenId: "1", checkedIn: false }] }, url)
 */
export function parseTicketsResponse(body: unknown, url: string): TicketsResult {
  const parsed = ticketsResponseSchema.safeParse(body);
  if (!parsed.success) {
    throw new IndexerError("INDEXER_BAD_RESPONSE", "The indexer's ticket list has an unexpected shape.", {
      url,
      cause: parsed.error,
    });
  }
  const data = parsed.data;
  const entries: unknown[] = Array.isArray(data)
    ? data
    : Array.isArray(data.tickets)
      ? data.tickets
      : Array.isArray(data.items)
        ? data.items
        : [];
  const tickets: Ticket[] = [];
  let skipped = 0;
  for (const entry of entries) {
    const ticket = toTicket(entry);
    if (ticket) tickets.push(ticket);
    else skipped += 1;
  }
  return { tickets, skipped };
}

/**
 * The tickets `owner` holds now, according to the indexer.
 *
 * @example
 * const { tickets } = await fetchTickets("http://127.0.0.1:4100", "0xf39F…2266");
 */
export async function fetchTickets(
  indexerUrl: string,
  owner: string,
  options?: FetchIndexerJsonOptions,
): Promise<TicketsResult> {
  const path = `/tickets?owner=${encodeURIComponent(owner)}`;
  const { body } = await fetchIndexerJson(indexerUrl, path, options);
  return parseTicketsResponse(body, `${indexerUrl}${path}`);
}

/** `0x1234…abcd`, for labels. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}
