/**
 * Request body size limit. A body announced by Content-Length is judged by the header alone
 * (Node's HTTP parser then guarantees the body is exactly that long); only bodies without one
 * (chunked) are streamed and counted, by Hono's bodyLimit. Hono's middleware on its own touches
 * `request.body`, which makes @hono/node-server build a full WHATWG Request and web stream for
 * every POST instead of reading the socket directly: in the gate bench's CPU profile that was
 * about an eighth of the CPU time of a pass scan.
 */
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";

export function limitBody(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const streamed = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const length = c.req.header("content-length");
    if (length === undefined || c.req.header("transfer-encoding") !== undefined) return streamed(c, next);
    const bytes = /^\s*\d{1,15}\s*$/.test(length) ? Number(length) : Number.POSITIVE_INFINITY;
    if (bytes > maxSize) return onError(c);
    await next();
  };
}
