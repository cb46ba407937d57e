/**
 * GET /tickets?owner=0x…[&contract=0x…][&limit=&offset=]: an owner's tickets with tier, zones and state.
 * GET /tickets/:contract/:tokenId: one ticket with its full provenance and open listing.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { TicketDetail, TicketsResponse } from "../../lib/indexer-client/schemas";
import { listingsWhere, provenance, ticketById, ticketsOfOwner } from "../db/queries/ticket-detail";
import type { Db } from "../db/types";
import { ApiError } from "./api-error";
import { pageSchema } from "./pagination";
import { listingOut, ticketOut, transferOut } from "./serialize";
import { addressSchema, parseOr400, tokenIdSchema } from "./validation";

const ownerSchema = z.object({ owner: addressSchema });
const filterSchema = z.object({ contract: addressSchema.optional() });
const ticketParams = z.object({ contract: addressSchema, tokenId: tokenIdSchema });

export function ticketsRoute(db: Db) {
  return new Hono()
    .get("/", async (c) => {
      const query = c.req.query();
      // A bad owner gets its own code, so the app can say "that is not an address".
      const { owner } = parseOr400(ownerSchema, query, "INVALID_ADDRESS");
      const { contract } = parseOr400(filterSchema, query, "INVALID_ADDRESS");
      const page = parseOr400(pageSchema, query);
      const rows = await ticketsOfOwner(db, owner, page, contract);
      const body: TicketsResponse = { owner, tickets: rows.map(ticketOut) };
      return c.json(body);
    })
    .get("/:contract/:tokenId", async (c) => {
      const { contract, tokenId } = parseOr400(ticketParams, c.req.param());
      const row = await ticketById(db, contract, tokenId);
      if (!row) throw new ApiError(404, "NOT_FOUND", `no ticket ${tokenId} in ${contract}`);
      const [history, [listing]] = await Promise.all([
        provenance(db, contract, tokenId),
        listingsWhere(db, { contract, tokenId, status: "open" }, { limit: 1, offset: 0 }),
      ]);
      const body: TicketDetail = { ticket: ticketOut(row), provenance: history.map(transferOut), listing: listing ? listingOut(listing) : null };
      return c.json(body);
    });
}
