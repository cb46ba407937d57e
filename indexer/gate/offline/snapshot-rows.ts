/**
 * The rows an offline snapshot and its deltas carry, built one way for both (build-snapshot.ts,
 * build-delta.ts): a ticket's owner entry, the delegations an offline check can use, and the seats
 * of reserved tickets.
 */
import { and, eq } from "drizzle-orm";
import type { Snapshot, SnapshotDelegation } from "../../../lib/offline";
import { seatForToken, seatOfToken } from "../../../lib/seating/seat-token";
import { tickets, tiers } from "../../db/schema";
import type { GateContext } from "../gate-context";

export type MirrorTicket = {
  tokenId: bigint;
  owner: string;
  block: number;
  zones: number | null;
  identity: string | null;
  tier: number | null;
  boundBlock: number | null;
};

/** The mirror's tickets with their tier's zones, as {@link MirrorTicket}; the caller adds its `where`. */
export function selectMirrorTickets(db: GateContext["db"]) {
  return db
    .select({
      tokenId: tickets.tokenId,
      owner: tickets.owner,
      block: tickets.updatedBlock,
      zones: tiers.zones,
      identity: tickets.identityCommitment,
      tier: tickets.tier,
      boundBlock: tickets.boundBlock,
    })
    .from(tickets)
    .leftJoin(tiers, and(eq(tiers.contract, tickets.contract), eq(tiers.tier, tickets.tier)));
}

type Delegation = {
  keyId: string;
  publicKey: string;
  holder: string;
  expiresAt: Date;
  createdBlock: number;
};

/** [tokenId, owner, block, zones, identity, real-name deadline when unbound] (Snapshot["owners"]). */
export function ownerRow(o: MirrorTicket, deadlines: Map<number, number>): Snapshot["owners"][number] {
  const unboundDeadline = o.tier === null || o.boundBlock !== null ? null : (deadlines.get(o.tier) ?? null);
  return [o.tokenId.toString(), o.owner, o.block, o.zones, o.identity?.toLowerCase() ?? null, unboundDeadline];
}

/**
 * Only the delegations the offline check can use: the holder owns a ticket here that has not moved
 * since the delegation (a later move is NO_DELEGATION offline anyway). Keys of wallets with nothing
 * to show stay on the server. `earliestHeld`: holder (lowercase) → block of their least recently moved ticket.
 */
export function usableDelegations(delegations: Delegation[], earliestHeld: Map<string, number>): SnapshotDelegation[] {
  return delegations
    .filter((d) => (earliestHeld.get(d.holder.toLowerCase()) ?? Number.POSITIVE_INFINITY) <= d.createdBlock)
    .map((d) => ({
      keyId: d.keyId,
      publicKey: d.publicKey,
      holder: d.holder as `0x${string}`,
      expiresAt: d.expiresAt.getTime(),
      createdBlock: d.createdBlock,
    }));
}

/** Reserved tickets (seat token ids) with the seat the event's layout gives them; the layout is read once, if needed. */
export async function seatRows(
  ctx: GateContext,
  contract: string,
  held: { tokenId: bigint }[],
): Promise<NonNullable<Snapshot["seats"]>> {
  const seated = held.filter((o) => seatOfToken(o.tokenId));
  const venue = seated.length > 0 ? await ctx.venues.venue(contract) : null;
  const seats: NonNullable<Snapshot["seats"]> = [];
  if (!venue) return seats;
  for (const o of seated) {
    const seat = seatForToken(venue, o.tokenId);
    if (seat) seats.push([o.tokenId.toString(), seat.section, seat.row, seat.number]);
  }
  return seats;
}
