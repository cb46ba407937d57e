/**
 * Per-client token buckets for the gate, pass and seat endpoints that write a row or check a
 * signature (challenges, nonces, sign-ins, invite redemption, delegations, holds): one client
 * cannot fill the database with challenges or burn the server's CPU on signatures. One bucket per
 * kind of endpoint (abuse-limits.ts), so a flood of anonymous pass nonces never locks door staff
 * out of signing in; requests that carry a bearer token draw from their own bucket. Scans have
 * their own per-device limit (the scanner session); on-sale routes have theirs (onsale/friction).
 */
import type { MiddlewareHandler } from "hono";
import { createRateLimiter, type RateLimiter } from "../gate/sessions/rate-limiter";
import { RATE_BUCKET_OF, RATE_BUCKETS, type RateBucket } from "./abuse-limits";
import { errorBody } from "../../lib/errors/app-error";
import { clientIp } from "./client-ip";

/** `perSecond`: the base rate per client (GATE_IP_RATE); each bucket takes its share of it, burst 4×. */
export function ipRateLimit(perSecond: number, trustedProxyHops: number): MiddlewareHandler {
  const limiters = new Map<RateBucket, { limiter: RateLimiter; rate: number }>();
  for (const [bucket, { share }] of Object.entries(RATE_BUCKETS) as [RateBucket, { share: number }][]) {
    const rate = Math.max(1, perSecond * share);
    limiters.set(bucket, { limiter: createRateLimiter({ perSecond: rate, burst: rate * 4 }), rate });
  }
  return async (c, next) => {
    const kind = c.req.method === "POST" ? RATE_BUCKET_OF[c.req.path] : undefined;
    if (kind) {
      const bucket: RateBucket = c.req.header("authorization") ? "authenticated" : kind;
      const { limiter, rate } = limiters.get(bucket)!;
      // Authenticated requests are counted per kind too: a hold flood does not slow a scanner's challenges.
      if (!limiter.take(`${kind}:${clientIp(c, trustedProxyHops)}`)) {
        return c.json(errorBody("RATE_LIMITED", `more than ${rate} ${bucket} requests/s from this address`), 429);
      }
    }
    await next();
  };
}
