/**
 * `/seats/venue`: the organizer sets an event's venue layout (JSON, or CSV with a name), checked
 * by lib/seating with every problem listed; anyone reads it for the seat map. The organizer is an
 * admin gate session for that contract (the same session the organizer page uses for invites).
 */
import { eq } from "drizzle-orm";
import { Hono, type Context } from "hono";
import { z } from "zod";
import { AppError } from "../../lib/errors/app-error";
import { VenueLayoutError } from "../../lib/seating/layout-error";
import { parseVenueCsv, parseVenueLayout } from "../../lib/seating/parse-layout";
import { addressSchema, parseOr400, readJson } from "../api/validation";
import { venueLayouts } from "../db/schema";
import type { GateContext } from "../gate/gate-context";
import { organizerContract } from "../gate/sessions/organizer-contract";
import { checkVenueAgainstChain } from "./venue-checks";

const putSchema = z.union([
  z.object({ layout: z.unknown() }),
  z.object({ name: z.string().min(1).max(128), csv: z.string().min(1).max(8_000_000) }),
]);

export function venueRoutes(ctx: GateContext) {
  return new Hono()
    .put("/venue", async (c) => {
      const contract = parseOr400(z.object({ contract: addressSchema }), {
        contract: c.req.query("contract"),
      }).contract;
      const organizerOf = await organizerContract(ctx, c.req.header("authorization") ?? "");
      if (!organizerOf || organizerOf.toLowerCase() !== contract.toLowerCase()) {
        throw new AppError("UNAUTHORIZED", "sign in as this event's organizer to set its venue");
      }
      const body = parseOr400(putSchema, await readJson(c));
      try {
        const venue = "layout" in body ? parseVenueLayout(body.layout) : parseVenueCsv(body.name, body.csv);
        const { problems, warnings } = await checkVenueAgainstChain(
          ctx.db,
          contract,
          venue,
          await ctx.venues.venue(contract),
        );
        if (problems.length)
          throw new AppError("LAYOUT_CONFLICT", problems[0], {
            details: { problems: problems.map((message) => ({ where: "(chain)", message })) },
          });
        const row = {
          contract: contract.toLowerCase(),
          layout: venue.layout,
          seats: venue.seats.length,
          updatedAt: ctx.now(),
        };
        await ctx.db
          .insert(venueLayouts)
          .values(row)
          .onConflictDoUpdate({
            target: venueLayouts.contract,
            set: { layout: row.layout, seats: row.seats, updatedAt: row.updatedAt },
          });
        ctx.venues.forget(contract);
        return c.json({ contract, name: venue.name, seats: venue.seats.length, warnings });
      } catch (err) {
        if (err instanceof VenueLayoutError)
          throw new AppError("BAD_LAYOUT", err.message, { details: { problems: err.problems.slice(0, 100) } });
        throw err;
      }
    })
    .get("/venue", async (c: Context) => {
      const contract = parseOr400(z.object({ contract: addressSchema }), {
        contract: c.req.query("contract"),
      }).contract;
      const [row] = await ctx.db.select().from(venueLayouts).where(eq(venueLayouts.contract, contract.toLowerCase()));
      // No layout is an answer (general admission), not an error: a 404 would be a failed request in every fan's console.
      if (!row) return c.json(null);
      return c.json({ contract, seats: row.seats, updatedAt: row.updatedAt.toISOString(), layout: row.layout });
    });
}
