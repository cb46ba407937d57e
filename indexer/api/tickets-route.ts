/**
 * GET /tickets?owner=0x…[&contract=0x…][&limit=&offset=]: an owner's tickets with tier, zones and state.
 * GET /tickets/:contract/:tokenId: one ticket with its full provenance and open listing.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { TicketDetail, TicketsResponse } from "../../lib/indexer-client/schemas";
import { listingsWhere, provenance, ticketById, ticketsOfOwner } from "../db/queries/ticket-detail";
import type { Db } from "../db/types";
import type { SeatLabel, VenueCache } from "../seating/venue-cache";
import { AppError } from "../../lib/errors/app-error";
import { pageSchema } from "./pagination";
import { listingOut, ticketOut, transferOut } from "./serialize";
import { addressSchema, parseOr400, tokenIdSchema } from "./validation";

const ownerSchema = z.object({ owner: addressSchema });
const filterSchema = z.object({ contract: addressSchema.optional() });
const ticketParams = z.object({ contract: addressSchema, tokenId: tokenIdSchema });

/** Adds the seat of reserved tickets (general admission is left as is, at no cost). */
async function withSeats<T extends { contract: string; tokenId: string }>(
  venues: VenueCache,
  tickets: T[],
): Promise<(T & { seat?: SeatLabel })[]> {
  return Promise.all(
    tickets.map(async (t) => {
      const seat = await venues.seatOf(t.contract, BigInt(t.tokenId));
      return seat ? { ...t, seat } : t;
    }),
  );
}

export function ticketsRoute(db: Db, venues: VenueCache) {
  return new Hono()
    .get("/", async (c) => {
      const query = c.req.query();
      // A bad owner gets its own code, so the app can say "that is not an address".
      const { owner } = parseOr400(ownerSchema, query, "INVALID_ADDRESS");
      const { contract } = parseOr400(filterSchema, query, "INVALID_ADDRESS");
      const page = parseOr400(pageSchema, query);
      const rows = await ticketsOfOwner(db, owner, page, contract);
      const body: TicketsResponse = { owner, tickets: await withSeats(venues, rows.map(ticketOut)) };
      return c.json(body);
    })
    .get("/:contract/:tokenId", async (c) => {
      const { contract, tokenId } = parseOr400(ticketParams, c.req.param());
      const row = await ticketById(db, contract, tokenId);
      if (!row) throw new AppError("NOT_FOUND", `no ticket ${tokenId} in ${contract}`);
      const [history, [listing]] = await Promise.all([
        provenance(db, contract, tokenId),
        listingsWhere(db, { contract, tokenId, status: "open" }, { limit: 1, offset: 0 }),
      ]);
      const [ticket] = await withSeats(venues, [ticketOut(row)]);
      const body: TicketDetail = {
        ticket: ticket!,
        provenance: history.map(transferOut),
        listing: listing ? listingOut(listing) : null,
      };
      return c.json(body);
    });
}
