/**
 * Request body size limit. A body announced by Content-Length is judged by the header alone
 * (Node's HTTP parser then guarantees the body is exactly that long). A body without one
 * (chunked) is counted as the route reads it, so nothing is read before the route has decided
 * it wants the body (after authenticating the caller): Hono's own bodyLimit buffers it up front.
 * Past the limit the read fails and the answer is the caller's 413, whatever the route made of
 * the failed read. Checking only the header when there is one also keeps @hono/node-server from
 * building a full WHATWG Request and web stream for every POST: in the gate bench's CPU profile
 * that was about an eighth of the CPU time of a pass scan.
 */
import type { Context, MiddlewareHandler } from "hono";

/** What a route's body read fails with past the limit (create-api answers it 413, never 500). */
export class BodyTooLargeError extends Error {
  override name = "BodyTooLargeError";
  constructor(readonly maxSize: number) {
    super(`request body larger than ${maxSize} bytes`);
  }
}

export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined)
      return counted(c, next, maxSize, onError);
    const bytes = /^\s*\d{1,15}\s*$/.test(length) ? Number(length) : Number.POSITIVE_INFINITY;
    if (bytes > maxSize) return onError(c);
    await next();
  };
}

async function counted(
  c: Context,
  next: () => Promise<void>,
  maxSize: number,
  onError: (c: Context) => Response | Promise<Response>,
) {
  const raw = c.req.raw;
  if (!raw.body) return next();
  const reader = raw.body.getReader();
  let size = 0;
  let exceeded = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) return controller.close();
      size += value.byteLength;
      if (size > maxSize) {
        exceeded = true;
        controller.error(new BodyTooLargeError(maxSize));
        await reader.cancel().catch(() => {});
        return;
      }
      controller.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  c.req.raw = new Request(raw, { body, duplex: "half" } as RequestInit);
  await next();
  if (exceeded) c.res = await onError(c);
}
