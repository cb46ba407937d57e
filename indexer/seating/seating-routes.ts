/**
 * `/seats`: fans sign in and hold seats during checkout; anyone reads which seats are held.
 * Refusals are `{ error: { code, message, seats? } }` (SEATS_TAKEN 409 lists the taken seats).
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { ApiError } from "../api/api-error";
import { addressSchema, parseOr400, readJson } from "../api/validation";
import type { GateContext } from "../gate/gate-context";
import { GateDenial } from "../gate/gate-denial";
import { SeatError } from "./seat-error";
import { activeHolds, DEFAULT_HOLD_SETTINGS, holdSeats, releaseSeats, type HoldSettings } from "./seat-holds";
import { issueSeatNonce, openSeatSession, seatSessionOf } from "./seat-session";

const seatIndex = z.number().int().min(0).max(1_000_000);
const nonceSchema = z.object({ contract: addressSchema, domain: z.string().max(255).optional() });
const signedSchema = z.object({ message: z.string().min(1).max(16_384), signature: z.string().regex(/^0x([0-9a-fA-F]{2})+$/).max(16_384) as z.ZodType<`0x${string}`> });
const holdSchema = z.object({ seats: z.array(seatIndex).min(1).max(64) });
const releaseSchema = z.object({ seats: z.array(seatIndex).max(64).optional() });

export function seatingRoutes(ctx: GateContext, settings: HoldSettings = DEFAULT_HOLD_SETTINGS) {
  const session = (c: Context) => seatSessionOf(ctx, c.req.header("authorization"));
  return new Hono()
    .post("/session/nonce", async (c) => {
      const body = parseOr400(nonceSchema, await readJson(c));
      return answer(c, () => issueSeatNonce(ctx, body));
    })
    .post("/session", async (c) => {
      const body = parseOr400(signedSchema, await readJson(c));
      return answer(c, () => openSeatSession(ctx, body));
    })
    .post("/holds", async (c) => {
      const body = parseOr400(holdSchema, await readJson(c));
      return answer(c, async () => {
        const s = await session(c);
        const held = await holdSeats(ctx.db, { contract: s.contract, holder: s.wallet, seats: body.seats, now: ctx.now(), settings });
        ctx.seatEvents.notify(s.contract);
        return held;
      });
    })
    .delete("/holds", async (c) =>
      // The session first: an anonymous caller's body is never read.
      answer(c, async () => {
        const s = await session(c);
        const text = await c.req.text();
        const body = text.trim() === "" ? {} : parseOr400(releaseSchema, parseJson(text));
        const released = await releaseSeats(ctx.db, { contract: s.contract, holder: s.wallet, seats: body.seats });
        ctx.seatEvents.notify(s.contract);
        return released;
      }),
    )
    .get("/holds", async (c) => {
      const { contract } = parseOr400(z.object({ contract: addressSchema }), { contract: c.req.query("contract") });
      const auth = c.req.header("authorization");
      const mine = auth ? await session(c).catch(() => null) : null;
      return c.json(await activeHolds(ctx.db, contract, ctx.now(), mine && mine.contract === contract.toLowerCase() ? mine.wallet : undefined));
    });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "INVALID_JSON", "request body is not valid JSON");
  }
}

async function answer(c: Context, work: () => Promise<unknown>) {
  try {
    return c.json(await work());
  } catch (err) {
    if (err instanceof SeatError) return c.json({ error: { code: err.code, message: err.message, ...(err.seats.length ? { seats: err.seats } : {}) } }, err.status);
    if (err instanceof GateDenial) return c.json({ error: { code: err.reason, message: err.detail } }, err.reason === "BAD_SIGNATURE" ? 401 : err.reason === "CHALLENGE_USED" ? 409 : 400);
    throw err;
  }
}
