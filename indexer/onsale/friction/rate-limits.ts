/**
 * Per-IP (joins) and per-wallet (sign-in, vouchers) limits, a token bucket per key with the
 * sale's per-minute rate and a burst of a quarter minute's worth (at least 1). In memory, per
 * instance: N instances allow at most N× the rate, which is still far below what a bot farm needs.
 */
import { createRateLimiter, type RateLimiter } from "../../gate/sessions/rate-limiter";
import { OnsaleError } from "../onsale-error";

export type OnsaleRateLimits = { take(kind: "ip" | "wallet", saleId: string, key: string, perMinute: number): void };

export function createOnsaleRateLimits(now?: () => number): OnsaleRateLimits {
  const limiters = new Map<string, RateLimiter>();
  return {
    take(kind, saleId, key, perMinute) {
      if (perMinute <= 0) return;
      const id = `${kind}:${saleId}:${perMinute}`;
      let limiter = limiters.get(id);
      if (!limiter) {
        limiter = createRateLimiter({
          perSecond: perMinute / 60,
          burst: Math.max(1, Math.floor(perMinute / 4)),
          ...(now ? { now } : {}),
        });
        limiters.set(id, limiter);
      }
      if (!limiter.take(key)) {
        throw new OnsaleError(
          "RATE_LIMITED",
          kind === "ip"
            ? `at most ${perMinute} joins per minute from one network address`
            : `at most ${perMinute} requests per minute per wallet`,
        );
      }
    },
  };
}
