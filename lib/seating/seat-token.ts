/**
 * Reserved seats on chain: seat `s` of tier `t` is EventTicket token `2^32 | t << 24 | s`, above
 * every sequential (general-admission) id. `s` is the seat's position among its tier's seats in the
 * venue layout (`SeatInfo.tierSeat`). Mirrors `EventTicket.seatTokenId`.
 */
import type { SeatInfo, VenueSeats } from "./venue-layout";

export const SEAT_ID_BASE = 1n << 32n;
const SEAT_MASK = (1n << 24n) - 1n;

export function seatTokenId(tier: number, tierSeat: number): bigint {
  return SEAT_ID_BASE | (BigInt(tier) << 24n) | BigInt(tierSeat);
}

/** Tier and on-chain seat number of a seat token; null for a general-admission id. */
export function seatOfToken(tokenId: bigint): { tier: number; tierSeat: number } | null {
  if (tokenId < SEAT_ID_BASE || tokenId >= SEAT_ID_BASE << 1n) return null;
  return { tier: Number((tokenId >> 24n) & 0xffn), tierSeat: Number(tokenId & SEAT_MASK) };
}

export const tokenIdOfSeat = (seat: Pick<SeatInfo, "tier" | "tierSeat">) => seatTokenId(seat.tier, seat.tierSeat);

/** The layout seat a token stands for, or undefined (general admission, or not in this layout). */
export function seatForToken(venue: VenueSeats, tokenId: bigint): SeatInfo | undefined {
  const s = seatOfToken(tokenId);
  if (!s) return undefined;
  return tierSeatIndex(venue).get(`${s.tier}:${s.tierSeat}`);
}

const indexes = new WeakMap<VenueSeats, Map<string, SeatInfo>>();
function tierSeatIndex(venue: VenueSeats): Map<string, SeatInfo> {
  let m = indexes.get(venue);
  if (!m) indexes.set(venue, (m = new Map(venue.seats.map((s) => [`${s.tier}:${s.tierSeat}`, s]))));
  return m;
}

/** Seats per tier in the layout: a reserved tier's on-chain supply should equal its count. */
export function seatsPerTier(venue: VenueSeats): Map<number, number> {
  const out = new Map<number, number>();
  for (const s of venue.seats) out.set(s.tier, (out.get(s.tier) ?? 0) + 1);
  return out;
}
