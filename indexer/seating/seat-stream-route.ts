/**
 * `GET /seats/stream?contract=`: Server-Sent Events telling a seat map to re-read `/seats/status`
 * and `/seats/holds` — on a hold or release here, on a synced range that touched the event, and on
 * any rollback. Notices carry no seat data (the reads are the truth) and coalesce: a client that is
 * slow gets one notice for many changes, never a queue. A comment every 15 s keeps proxies open.
 *
 * `GET /seats/status?contract=[&owner=]`: sold, checked-in and the owner's seats as runs of layout
 * seat indexes (lib/seating/seat-ranges).
 */
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import { AppError } from "../../lib/errors/app-error";
import { addressSchema, parseOr400 } from "../api/validation";
import type { GateContext } from "../gate/gate-context";
import { createSseWaiter } from "../api/sse-wait";
import { STREAM_LIMITS } from "../api/abuse-limits";
import { clientIp } from "../api/client-ip";
import { createStreamSlots, type StreamLimits } from "../api/stream-slots";
import type { ChangeFeed } from "../sync/change-feed";
import { seatStatus } from "./seat-status";

/** Notices closer together than this are sent as one (a burst of holds, a range after a hold). */
const COALESCE_MS = 50;
/** Concurrent seat streams, per client and per process (each is an open connection): 429 TOO_MANY_STREAMS, 503 BUSY. */
export function seatStreamRoutes(ctx: GateContext, changes: ChangeFeed, limits: StreamLimits = STREAM_LIMITS.seats) {
  const slots = createStreamSlots(limits, "seat");
  return new Hono()
    .get("/status", async (c) => {
      const q = parseOr400(z.object({ contract: addressSchema, owner: addressSchema.optional() }), {
        contract: c.req.query("contract"),
        owner: c.req.query("owner"),
      });
      const body = await seatStatus(ctx.db, ctx.venues, q.contract, q.owner);
      if (!body) throw new AppError("NOT_FOUND", `no venue layout for ${q.contract}`);
      return c.json(body);
    })
    .get("/stream", (c) => {
      const { contract } = parseOr400(z.object({ contract: addressSchema }), { contract: c.req.query("contract") });
      const release = slots.take(clientIp(c, ctx.settings.trustedProxyHops));
      if (typeof release !== "function") throw new AppError(release.code, `${release.message} (or poll /seats/status)`);
      const key = contract.toLowerCase();
      return streamSSE(c, async (stream) => {
        let dirty: string | null = null;
        const waiter = createSseWaiter(stream);
        const poke = (reason: string) => {
          dirty ??= reason;
          waiter.wake();
        };
        const offHolds = ctx.seatEvents.subscribe(key, () => poke("holds"));
        const offChain = changes.subscribe((e) => {
          if (e.type === "rollback" || e.contracts.some((a) => a.toLowerCase() === key)) poke("chain");
        });
        stream.onAbort(() => waiter.wake());
        try {
          await stream.writeSSE({ event: "ready", data: "{}" });
          let id = 0;
          while (!stream.aborted && !stream.closed) {
            if (dirty) {
              await new Promise((r) => setTimeout(r, COALESCE_MS));
              const reason = dirty;
              dirty = null;
              await stream.writeSSE({ event: "seats", id: String(++id), data: JSON.stringify({ reason }) });
              continue;
            }
            await waiter.wait();
          }
        } finally {
          offHolds();
          offChain();
          release();
        }
      });
    });
}
