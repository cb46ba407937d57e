/**
 * GET /stream: Server-Sent Events, one `change` event per committed range or rollback
 * (schema: changeEventSchema). Honours Last-Event-ID for changes still in the replay buffer;
 * a comment every 15 s keeps proxies from closing an idle stream. Capped per client and in
 * total (STREAM_LIMITS.changes): 429 TOO_MANY_STREAMS, 503 BUSY.
 */
import { Hono } from "hono";
import { STREAM_LIMITS } from "./abuse-limits";
import { AppError } from "../../lib/errors/app-error";
import { clientIp } from "./client-ip";
import { createStreamSlots, type StreamLimits } from "./stream-slots";
import { streamSSE } from "hono/streaming";
import type { ChangeEvent, ChangeFeed } from "../sync/change-feed";
import { createSseWaiter } from "./sse-wait";

/** Events queued for one slow client before it is dropped (it reconnects with Last-Event-ID). */
const MAX_QUEUE = 1_000;

export function streamRoute(feed: ChangeFeed, o: { trustedProxyHops: number; limits?: StreamLimits }) {
  const slots = createStreamSlots(o.limits ?? STREAM_LIMITS.changes, "change");
  return new Hono().get("/", (c) => {
    const lastId = Number(c.req.header("last-event-id") ?? "0");
    const release = slots.take(clientIp(c, o.trustedProxyHops));
    if (typeof release !== "function") throw new AppError(release.code, release.message);
    return streamSSE(c, async (stream) => {
      const queue: ChangeEvent[] = Number.isSafeInteger(lastId) && lastId > 0 ? feed.since(lastId) : [];
      const waiter = createSseWaiter(stream);
      let overflow = false;
      const unsubscribe = feed.subscribe((e) => {
        if (queue.length >= MAX_QUEUE) overflow = true;
        else queue.push(e);
        waiter.wake();
      });
      stream.onAbort(() => waiter.wake());
      try {
        await stream.writeSSE({ event: "ready", data: "{}" });
        while (!stream.aborted && !stream.closed && !overflow) {
          const e = queue.shift();
          if (e) {
            await stream.writeSSE({ event: "change", id: String(e.id), data: JSON.stringify(e) });
            continue;
          }
          await waiter.wait();
        }
      } finally {
        unsubscribe();
        release();
      }
    });
  });
}
