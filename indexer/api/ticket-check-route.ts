/**
 * GET /check?q=<ticket id | link | pass text>: the public ticket check. Anyone may ask; the answer holds
 * addresses and prices only (the mirror keeps no personal data).
 */
import { Hono } from "hono";
import { z } from "zod";
import {
  MAX_REFERENCE_LENGTH,
  parseTicketReference,
  TicketReferenceError,
} from "../../lib/ticket-check/parse-ticket-reference";
import { ticketCheckVerdict } from "../../lib/ticket-check/ticket-check-verdict";
import type { TicketCheck } from "../../lib/ticket-check/schema";
import { listingsWhere, ticketById } from "../db/queries/ticket-detail";
import type { Db } from "../db/types";
import { AppError } from "../../lib/errors/app-error";
import { listingOut, ticketOut } from "./serialize";
import { parseOr400 } from "./validation";

const querySchema = z.object({
  q: z.string().max(MAX_REFERENCE_LENGTH, `q: at most ${MAX_REFERENCE_LENGTH} characters`),
});

export function ticketCheckRoute(db: Db, chainId: number) {
  return new Hono().get("/", async (c) => {
    const { q } = parseOr400(querySchema, c.req.query(), "INVALID_REFERENCE");
    let ref;
    try {
      ref = parseTicketReference(q);
    } catch (err) {
      if (err instanceof TicketReferenceError) throw new AppError("INVALID_REFERENCE", err.message);
      throw err;
    }
    const [row, [listing]] = await Promise.all([
      ticketById(db, ref.contract, ref.tokenId),
      listingsWhere(db, { contract: ref.contract, tokenId: ref.tokenId, status: "open" }, { limit: 1, offset: 0 }),
    ]);
    const body: TicketCheck = ticketCheckVerdict(
      ref,
      row ? ticketOut(row) : null,
      listing ? listingOut(listing) : null,
      chainId,
    );
    // Public and cheap to compute, but it changes with every sale: let caches hold it briefly.
    c.header("cache-control", "public, max-age=5");
    return c.json(body);
  });
}
