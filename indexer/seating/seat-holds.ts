/**
 * Seat holds: a fan in checkout holds up to `maxPerHolder` seats for `ttlSeconds` (default 3
 * minutes), renewing their own holds freely; a seat someone else holds is refused with the list of
 * taken seats, and a request holds all its seats or none. Everyone together holds at most
 * `eventCap` seats of an event. One transaction per request; the primary key (contract, seat)
 * decides between two fans, and a per-event advisory lock keeps parallel requests from slipping
 * past the caps. Expired rows are ignored everywhere and swept lazily. The per-client cap and the
 * layout checks are the route's (seating-routes.ts).
 */
import { and, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { seatHolds } from "../db/schema";
import type { Db } from "../db/types";
import { SEAT_HOLD_LIMITS } from "../api/abuse-limits";
import { SeatError } from "./seat-error";

/** `maxPerClient` and `eventShare` are applied by the route (client address, layout size). */
export type HoldSettings = { ttlSeconds: number; maxPerHolder: number; maxPerClient?: number; eventShare?: number };
export const DEFAULT_HOLD_SETTINGS: HoldSettings = {
  ttlSeconds: SEAT_HOLD_LIMITS.ttlSeconds,
  maxPerHolder: SEAT_HOLD_LIMITS.perWallet,
  maxPerClient: SEAT_HOLD_LIMITS.perClient,
  eventShare: SEAT_HOLD_LIMITS.perEventShare,
};

export type HeldSeats = { seats: number[]; expiresAt: string };

export async function holdSeats(
  db: Db,
  r: { contract: string; holder: string; seats: number[]; now: Date; settings: HoldSettings; eventCap?: number },
): Promise<HeldSeats> {
  const contract = r.contract.toLowerCase();
  const holder = r.holder.toLowerCase();
  const seats = [...new Set(r.seats)].sort((a, b) => a - b);
  if (seats.length === 0) throw new SeatError("BAD_REQUEST", "choose at least one seat");
  if (seats.length > r.settings.maxPerHolder)
    throw new SeatError("HOLD_LIMIT", `at most ${r.settings.maxPerHolder} seats at a time`);
  const expiresAt = new Date(r.now.getTime() + r.settings.ttlSeconds * 1000);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`seat-holds:${contract}`}))`);
    await tx.delete(seatHolds).where(and(eq(seatHolds.contract, contract), lte(seatHolds.expiresAt, r.now)));
    const others = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(seatHolds)
      .where(
        and(
          eq(seatHolds.contract, contract),
          eq(seatHolds.holder, holder),
          sql`${seatHolds.seatIndex} <> ALL(${`{${seats.join(",")}}`}::int[])`,
        ),
      );
    const already = others[0]?.n ?? 0;
    if (already + seats.length > r.settings.maxPerHolder) {
      throw new SeatError(
        "HOLD_LIMIT",
        `you already hold ${already} other seat(s); at most ${r.settings.maxPerHolder} at a time (release some first)`,
      );
    }
    if (r.eventCap !== undefined) {
      // Everyone's live holds but the ones this request renews.
      const [all] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(seatHolds)
        .where(
          and(
            eq(seatHolds.contract, contract),
            sql`NOT (${seatHolds.holder} = ${holder} AND ${seatHolds.seatIndex} = ANY(${`{${seats.join(",")}}`}::int[]))`,
          ),
        );
      if ((all?.n ?? 0) + seats.length > r.eventCap) {
        throw new SeatError(
          "EVENT_HOLD_LIMIT",
          `${all?.n ?? 0} seats of this event are already held in checkouts (at most ${r.eventCap} at a time); try again in a few minutes`,
        );
      }
    }
    const won = await tx
      .insert(seatHolds)
      .values(seats.map((seatIndex) => ({ contract, seatIndex, holder, createdAt: r.now, expiresAt })))
      .onConflictDoUpdate({
        target: [seatHolds.contract, seatHolds.seatIndex],
        set: { expiresAt },
        setWhere: eq(seatHolds.holder, holder),
      })
      .returning({ seatIndex: seatHolds.seatIndex });
    if (won.length < seats.length) {
      const got = new Set(won.map((w) => w.seatIndex));
      const taken = seats.filter((s) => !got.has(s));
      // Throwing rolls the transaction back: the seats this request did get are not kept.
      throw new SeatError("SEATS_TAKEN", `${taken.length} of the chosen seats are held by someone else`, taken);
    }
    return { seats, expiresAt: expiresAt.toISOString() };
  });
}

/** Lets go of some (or all) of a fan's holds; answers the seats released. */
export async function releaseSeats(
  db: Db,
  r: { contract: string; holder: string; seats?: number[] | undefined },
): Promise<{ released: number[] }> {
  const where = [eq(seatHolds.contract, r.contract.toLowerCase()), eq(seatHolds.holder, r.holder.toLowerCase())];
  if (r.seats) where.push(inArray(seatHolds.seatIndex, r.seats));
  const rows = await db
    .delete(seatHolds)
    .where(and(...where))
    .returning({ seatIndex: seatHolds.seatIndex });
  return { released: rows.map((x) => x.seatIndex).sort((a, b) => a - b) };
}

/** Seats held right now (no holder addresses: who is in checkout is nobody else's business). */
export async function activeHolds(
  db: Db,
  contract: string,
  now: Date,
  holder?: string,
): Promise<{ holds: { seat: number; expiresAt: string; mine: boolean }[] }> {
  const rows = await db
    .select()
    .from(seatHolds)
    .where(and(eq(seatHolds.contract, contract.toLowerCase()), gt(seatHolds.expiresAt, now)))
    .orderBy(seatHolds.seatIndex);
  return {
    holds: rows.map((x) => ({
      seat: x.seatIndex,
      expiresAt: x.expiresAt.toISOString(),
      mine: holder !== undefined && x.holder === holder.toLowerCase(),
    })),
  };
}
