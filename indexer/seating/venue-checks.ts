/**
 * What a venue layout must agree with before it replaces the stored one: the event's tiers on chain
 * (every seat's tier exists, a reserved tier has no more seats than its supply, since seat numbers
 * past the supply can never be bought) and the seats already sold (a sold seat token must keep its section,
 * row and number, or the fan's ticket would point at another seat).
 */
import { and, eq, gte, sql } from "drizzle-orm";
import { SEAT_ID_BASE, seatForToken, seatsPerTier } from "../../lib/seating/seat-token";
import { seatLabel, type VenueSeats } from "../../lib/seating/venue-layout";
import { tickets, tiers } from "../db/schema";
import type { Db } from "../db/types";

export type VenueCheck = { problems: string[]; warnings: string[] };

export async function checkVenueAgainstChain(
  db: Db,
  contract: string,
  venue: VenueSeats,
  previous: VenueSeats | null,
): Promise<VenueCheck> {
  const problems: string[] = [];
  const warnings: string[] = [];
  const c = contract.toLowerCase();
  const tierRows = await db
    .select({ tier: tiers.tier, supply: tiers.supply, reserved: tiers.reserved })
    .from(tiers)
    .where(eq(tiers.contract, c));
  if (tierRows.length === 0)
    warnings.push("the event's tiers are not indexed yet: seat counts were not checked against the chain");
  else {
    const byTier = new Map(tierRows.map((t) => [t.tier, t]));
    for (const [tier, count] of seatsPerTier(venue)) {
      const t = byTier.get(tier);
      if (!t) problems.push(`tier ${tier} does not exist on this event`);
      // A map of a general-admission event is allowed (to show where people stand), but sells nothing.
      else if (!t.reserved)
        warnings.push(`tier ${tier} is general admission: its tickets carry no seat, the map only shows it`);
      else if (count > t.supply)
        problems.push(
          `tier ${tier} has ${count} seats in the layout but a supply of ${t.supply} on chain: seats past ${t.supply} could never be bought`,
        );
      else if (count < t.supply)
        warnings.push(
          `tier ${tier} sells ${t.supply} seats on chain but the layout has ${count}: seats ${count}–${t.supply - 1} have no place on the map`,
        );
    }
  }
  const sold = await db
    .select({ tokenId: tickets.tokenId })
    .from(tickets)
    .where(
      and(eq(tickets.contract, c), gte(tickets.tokenId, SEAT_ID_BASE), sql`${tickets.tokenId} < ${SEAT_ID_BASE << 1n}`),
    );
  if (sold.length > 0 && previous) {
    const moved: string[] = [];
    for (const { tokenId } of sold) {
      const was = seatForToken(previous, tokenId);
      const now = seatForToken(venue, tokenId);
      if (was && (!now || seatLabel(was) !== seatLabel(now)))
        moved.push(`${seatLabel(was)} → ${now ? seatLabel(now) : "no seat"}`);
    }
    if (moved.length)
      problems.push(
        `${moved.length} sold seat(s) would move: ${moved.slice(0, 10).join("; ")}${moved.length > 10 ? "; …" : ""}`,
      );
  }
  return { problems, warnings };
}
