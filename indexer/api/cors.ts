/**
 * CORS for the app's origins. Hono's cors middleware sets headers on `c.res` before and after the
 * handler, which makes @hono/node-server turn its light response into a full WHATWG Response
 * (and the body into a web stream) on every request: in the gate bench's CPU profile that was
 * most of the remaining undici time. Setting the headers with `c.header()` before the handler
 * runs lets them ride along with the response the handler builds.
 */
import type { MiddlewareHandler } from "hono";

export function corsForOrigins(
  origins: readonly string[],
  opts: { methods: readonly string[]; maxAgeSeconds: number },
): MiddlewareHandler {
  const allowed = new Set(origins);
  const methods = opts.methods.join(",");
  const maxAge = String(opts.maxAgeSeconds);
  return async (c, next) => {
    const origin = c.req.header("origin");
    const allow = origin !== undefined && allowed.has(origin) ? origin : null;
    if (c.req.method === "OPTIONS") {
      const headers: Record<string, string> = {
        vary: "Origin, Access-Control-Request-Headers",
        "access-control-max-age": maxAge,
        "access-control-allow-methods": methods,
      };
      if (allow) headers["access-control-allow-origin"] = allow;
      const requested = c.req.header("access-control-request-headers");
      if (requested)
        headers["access-control-allow-headers"] = requested
          .split(",")
          .map((h) => h.trim())
          .filter(Boolean)
          .join(",");
      return c.body(null, 204, headers);
    }
    if (allow) c.header("access-control-allow-origin", allow);
    c.header("vary", "Origin");
    await next();
  };
}
