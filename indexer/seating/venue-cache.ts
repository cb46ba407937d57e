/**
 * Parsed venue layouts per event, for turning seat tokens into "Section A, row 12, seat 7" on the
 * gate's hot path and in ticket reads. A layout is parsed once per change of `updated_at`; the
 * freshness check runs in the background (stale-while-revalidate), so a scan never waits on it
 * except the first for an event. General-admission ids never touch the cache.
 */
import { eq } from "drizzle-orm";
import { parseVenueLayout } from "../../lib/seating/parse-layout";
import { seatForToken, seatOfToken } from "../../lib/seating/seat-token";
import type { VenueSeats } from "../../lib/seating/venue-layout";
import { venueLayouts } from "../db/schema";
import type { Db } from "../db/types";

/** Where a reserved ticket sits, as the gate screen and the pass show it. */
export type SeatLabel = { section: string; row: string; number: number };

type Entry = { venue: VenueSeats | null; updatedAt: number; checkedAt: number; refreshing?: Promise<void> };

export type VenueCache = ReturnType<typeof createVenueCache>;

export function createVenueCache(db: Db, o: { recheckMs?: number; maxEvents?: number; now?: () => number } = {}) {
  const recheckMs = o.recheckMs ?? 5_000;
  const maxEvents = o.maxEvents ?? 64;
  const now = o.now ?? Date.now;
  const entries = new Map<string, Entry>();

  async function load(contract: string, known?: Entry): Promise<Entry> {
    const [meta] = await db
      .select({ updatedAt: venueLayouts.updatedAt })
      .from(venueLayouts)
      .where(eq(venueLayouts.contract, contract));
    if (!meta) return { venue: null, updatedAt: 0, checkedAt: now() };
    if (known && known.updatedAt === meta.updatedAt.getTime())
      return { ...known, checkedAt: now(), refreshing: undefined };
    const [row] = await db
      .select({ layout: venueLayouts.layout, updatedAt: venueLayouts.updatedAt })
      .from(venueLayouts)
      .where(eq(venueLayouts.contract, contract));
    // Stored layouts were validated on PUT; a row that no longer parses (schema change) reads as none.
    let venue: VenueSeats | null = null;
    try {
      venue = row ? parseVenueLayout(row.layout) : null;
    } catch {
      venue = null;
    }
    return { venue, updatedAt: row?.updatedAt.getTime() ?? 0, checkedAt: now() };
  }

  function remember(contract: string, entry: Entry) {
    entries.delete(contract);
    entries.set(contract, entry);
    while (entries.size > maxEvents) entries.delete(entries.keys().next().value!);
  }

  async function venue(contractAddress: string): Promise<VenueSeats | null> {
    const contract = contractAddress.toLowerCase();
    const entry = entries.get(contract);
    if (!entry) {
      const fresh = await load(contract);
      remember(contract, fresh);
      return fresh.venue;
    }
    if (now() - entry.checkedAt >= recheckMs && !entry.refreshing) {
      entry.refreshing = load(contract, entry)
        .then((fresh) => remember(contract, fresh))
        .catch(() => void (entry.refreshing = undefined));
    }
    return entry.venue;
  }

  return {
    venue,
    /** The seat a reserved ticket stands for; undefined for general admission or a seat outside the layout. */
    async seatOf(contract: string, tokenId: bigint): Promise<SeatLabel | undefined> {
      if (!seatOfToken(tokenId)) return undefined;
      const v = await venue(contract);
      const s = v ? seatForToken(v, tokenId) : undefined;
      return s ? { section: s.section, row: s.row, number: s.number } : undefined;
    },
    /** Drops an event's layout at once (the organizer just replaced it). */
    forget(contract: string) {
      entries.delete(contract.toLowerCase());
    },
  };
}
