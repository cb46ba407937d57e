/**
 * "4 seats together, cheapest first": groups of `count` free seats next to each other (one row
 * of one section, consecutive seat numbers), ranked by total price, then by closeness of the
 * group's centre to the stage, then by venue order. One pass over the rows: fast enough for a
 * 50,000-seat stadium on every click.
 */
import type { VenueSeats } from "./venue-layout";

export type BestAvailableOptions = {
  count: number;
  /** True when the seat can be offered (not sold, not held by someone else). */
  isFree: (seatIndex: number) => boolean;
  /** Face value of a tier (wei or token units); seats of tiers without a price are skipped. */
  priceOf: (tier: number) => bigint | undefined;
  /** Only these tiers (default all). */
  tiers?: readonly number[];
  /** Only accessible seats (every seat of the group). */
  accessibleOnly?: boolean;
  /** How many groups to return (default 1); groups never share a seat. */
  results?: number;
};

export type SeatGroup = { seats: number[]; total: bigint; distance: number };

/** Rows of a layout as runs of seat indexes sorted by seat number (built once per layout). */
export type RowRuns = number[][];

export function rowRuns(venue: VenueSeats): RowRuns {
  const rows = new Map<string, number[]>();
  for (const s of venue.seats) {
    const key = `${s.section}|${s.row}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = []));
    row.push(s.index);
  }
  return [...rows.values()].map((r) => r.sort((a, b) => venue.seats[a]!.number - venue.seats[b]!.number));
}

export function bestAvailable(venue: VenueSeats, runs: RowRuns, o: BestAvailableOptions): SeatGroup[] {
  if (!Number.isInteger(o.count) || o.count < 1) return [];
  const want = o.results ?? 1;
  const tiers = o.tiers ? new Set(o.tiers) : null;
  const candidates: (SeatGroup & { order: number })[] = [];
  for (const row of runs) {
    const first = venue.seats[row[0]!]!;
    if (tiers && !tiers.has(first.tier)) continue;
    const price = o.priceOf(first.tier);
    if (price === undefined) continue;
    // Sliding window over the row: `run` counts free, consecutive-numbered seats ending at i.
    let run = 0;
    for (let i = 0; i < row.length; i++) {
      const seat = venue.seats[row[i]!]!;
      const ok = o.isFree(seat.index) && (!o.accessibleOnly || seat.accessible);
      const adjacent = i > 0 && seat.number === venue.seats[row[i - 1]!]!.number + 1;
      run = ok ? (adjacent ? run + 1 : 1) : 0;
      if (run >= o.count) {
        const seats = row.slice(i - o.count + 1, i + 1);
        let cx = 0;
        let cy = 0;
        for (const s of seats) {
          cx += venue.seats[s]!.x;
          cy += venue.seats[s]!.y;
        }
        const distance = Math.hypot(cx / o.count - venue.stage.x, cy / o.count - venue.stage.y);
        candidates.push({ seats, total: price * BigInt(o.count), distance, order: seats[0]! });
      }
    }
  }
  candidates.sort((a, b) =>
    a.total < b.total ? -1 : a.total > b.total ? 1 : a.distance - b.distance || a.order - b.order,
  );
  const taken = new Set<number>();
  const out: SeatGroup[] = [];
  for (const c of candidates) {
    if (out.length >= want) break;
    if (c.seats.some((s) => taken.has(s))) continue;
    for (const s of c.seats) taken.add(s);
    out.push({ seats: c.seats, total: c.total, distance: c.distance });
  }
  return out;
}
