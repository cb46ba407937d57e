/**
 * `/seats`: fans sign in and hold seats during checkout; anyone reads which seats are held.
 * Refusals are `{ error: { code, message, seats? } }` (SEATS_TAKEN 409 lists the taken seats).
 * Holds are capped per wallet, per client address and per event (abuse-limits.ts), only for
 * events with a layout and only for seats in it.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { AppError } from "../../lib/errors/app-error";
import { clientIp } from "../api/client-ip";
import { addressSchema, parseOr400, readJson } from "../api/validation";
import type { GateContext } from "../gate/gate-context";
import { createClientHolds } from "./client-holds";
import { SeatError } from "./seat-error";
import { activeHolds, DEFAULT_HOLD_SETTINGS, holdSeats, releaseSeats, type HoldSettings } from "./seat-holds";
import { issueSeatNonce, openSeatSession, seatSessionOf } from "./seat-session";

const seatIndex = z.number().int().min(0).max(1_000_000);
const nonceSchema = z.object({ contract: addressSchema, domain: z.string().max(255).optional() });
const signedSchema = z.object({
  message: z.string().min(1).max(16_384),
  signature: z
    .string()
    .regex(/^0x([0-9a-fA-F]{2})+$/)
    .max(16_384) as z.ZodType<`0x${string}`>,
});
const holdSchema = z.object({ seats: z.array(seatIndex).min(1).max(64) });
const releaseSchema = z.object({ seats: z.array(seatIndex).max(64).optional() });

export function seatingRoutes(ctx: GateContext, settings: HoldSettings = DEFAULT_HOLD_SETTINGS) {
  const session = (c: Context) => seatSessionOf(ctx, c.req.header("authorization"));
  const clients = createClientHolds();
  return new Hono()
    .post("/session/nonce", async (c) => {
      const body = parseOr400(nonceSchema, await readJson(c));
      return answer(c, () => issueSeatNonce(ctx, body));
    })
    .post("/session", async (c) => {
      const body = parseOr400(signedSchema, await readJson(c));
      return answer(c, () => openSeatSession(ctx, body));
    })
    .post("/holds", async (c) =>
      answer(c, async () => {
        const s = await session(c);
        const body = parseOr400(holdSchema, await readJson(c));
        const venue = await ctx.venues.venue(s.contract);
        if (!venue) throw new SeatError("NO_LAYOUT", "this event has no seat map, so there are no seats to hold");
        const outside = [...new Set(body.seats)].filter((seat) => seat >= venue.seats.length);
        if (outside.length)
          throw new SeatError(
            "SEAT_NOT_IN_LAYOUT",
            `not seats of this event's layout (seats 0 to ${venue.seats.length - 1}): ${outside.join(", ")}`,
            outside,
          );
        const now = ctx.now();
        const reservation = clients.reserve({
          contract: s.contract,
          client: clientIp(c, ctx.settings.trustedProxyHops),
          seats: body.seats,
          expiresAt: now.getTime() + settings.ttlSeconds * 1000,
          cap: settings.maxPerClient ?? Number.POSITIVE_INFINITY,
          now: now.getTime(),
        });
        if (!reservation.ok)
          throw new SeatError(
            "CLIENT_HOLD_LIMIT",
            `${reservation.held} seats of this event are already held from your network address (at most ${settings.maxPerClient} at a time)`,
          );
        const eventCap =
          settings.eventShare === undefined
            ? undefined
            : Math.max(settings.maxPerHolder, Math.floor(venue.seats.length * settings.eventShare));
        try {
          const held = await holdSeats(ctx.db, {
            contract: s.contract,
            holder: s.wallet,
            seats: body.seats,
            now,
            settings,
            ...(eventCap === undefined ? {} : { eventCap }),
          });
          ctx.seatEvents.notify(s.contract);
          return held;
        } catch (err) {
          reservation.undo();
          throw err;
        }
      }),
    )
    .delete("/holds", async (c) =>
      // The session first: an anonymous caller's body is never read.
      answer(c, async () => {
        const s = await session(c);
        const text = await c.req.text();
        const body = text.trim() === "" ? {} : parseOr400(releaseSchema, parseJson(text));
        const released = await releaseSeats(ctx.db, { contract: s.contract, holder: s.wallet, seats: body.seats });
        clients.release(s.contract, released.released);
        ctx.seatEvents.notify(s.contract);
        return released;
      }),
    )
    .get("/holds", async (c) => {
      const { contract } = parseOr400(z.object({ contract: addressSchema }), { contract: c.req.query("contract") });
      const auth = c.req.header("authorization");
      const mine = auth ? await session(c).catch(() => null) : null;
      return c.json(
        await activeHolds(
          ctx.db,
          contract,
          ctx.now(),
          mine && mine.contract === contract.toLowerCase() ? mine.wallet : undefined,
        ),
      );
    });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_JSON", "request body is not valid JSON");
  }
}

/** The work's result as JSON; a SeatError or GateDenial reaches the API's one error handler. */
async function answer(c: Context, work: () => Promise<unknown>) {
  return c.json(await work());
}
