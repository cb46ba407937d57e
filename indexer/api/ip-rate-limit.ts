/**
 * Per-IP token bucket for the unauthenticated gate and pass endpoints that write a row or check a
 * signature (challenges, nonces, sign-ins, invite redemption, delegations): one client cannot
 * fill the database with challenges or burn the server's CPU on signatures. Scans have their own
 * per-device limit (the scanner session); on-sale routes have theirs (onsale/friction).
 */
import type { MiddlewareHandler } from "hono";
import { createRateLimiter } from "../gate/sessions/rate-limiter";
import { clientIp } from "../onsale/friction/client-ip";
import { errorBody } from "./api-error";

export const IP_LIMITED_POSTS = ["/gate/challenge", "/gate/session/nonce", "/gate/session", "/gate/session/invite", "/pass/nonce", "/pass/delegations", "/seats/session/nonce", "/seats/session", "/seats/holds"];

/** Requests per second per client IP (burst 4×); generous for a venue's gates behind one NAT. */
export function ipRateLimit(perSecond: number): MiddlewareHandler {
  const limiter = createRateLimiter({ perSecond, burst: perSecond * 4 });
  const limited = new Set(IP_LIMITED_POSTS);
  return async (c, next) => {
    if (c.req.method === "POST" && limited.has(c.req.path) && !limiter.take(clientIp(c, false))) {
      return c.json(errorBody("RATE_LIMITED", `more than ${perSecond} requests/s from this address`), 429);
    }
    await next();
  };
}
