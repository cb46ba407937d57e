/**
 * Which seats are sold and checked in, from the chain mirror: seat tokens of the event mapped
 * through its venue layout. "Checked in" counts an on-chain `CheckedIn` or a door admission of this
 * indexer's gates (the batcher writes it on chain seconds later). Holds are served by seat-holds.ts.
 */
import { sql } from "drizzle-orm";
import { SEAT_ID_BASE, seatForToken } from "../../lib/seating/seat-token";
import { toRanges, type SeatRanges } from "../../lib/seating/seat-ranges";
import { big, rows } from "../db/queries/rows";
import type { Db } from "../db/types";
import type { VenueCache } from "./venue-cache";

export type SeatStatusBody = {
  contract: string;
  seats: number;
  sold: SeatRanges;
  checkedIn: SeatRanges;
  mine: SeatRanges;
};

export async function seatStatus(
  db: Db,
  venues: VenueCache,
  contract: string,
  owner?: string,
): Promise<SeatStatusBody | null> {
  const venue = await venues.venue(contract);
  if (!venue) return null;
  const c = contract.toLowerCase();
  const list = await rows<{ token_id: unknown; owner: string; checked_in: boolean }>(
    db,
    sql`SELECT t.token_id, t.owner, (t.checked_in_block IS NOT NULL OR g.token_id IS NOT NULL) AS checked_in
          FROM tickets t LEFT JOIN check_ins g ON g.contract = t.contract AND g.token_id = t.token_id
         WHERE t.contract = ${c} AND t.token_id >= ${String(SEAT_ID_BASE)}::numeric AND t.token_id < ${String(SEAT_ID_BASE << 1n)}::numeric`,
  );
  const sold: number[] = [];
  const checkedIn: number[] = [];
  const mine: number[] = [];
  const me = owner?.toLowerCase();
  for (const r of list) {
    const seat = seatForToken(venue, big(r.token_id));
    if (!seat) continue;
    sold.push(seat.index);
    if (r.checked_in) checkedIn.push(seat.index);
    if (me && r.owner.toLowerCase() === me) mine.push(seat.index);
  }
  return {
    contract: c,
    seats: venue.seats.length,
    sold: toRanges(sold),
    checkedIn: toRanges(checkedIn),
    mine: toRanges(mine),
  };
}
