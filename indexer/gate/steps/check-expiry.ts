/**
 * Step 6: the message's times are sane and cover `now`: issued-at no earlier than the nonce and
 * not in the future, an expiry present, not passed and no later than `latestExpiry`
 * (default: the challenge's own), not-before reached.
 */
import type { SiweMessage } from "siwe";
import { GateDenial } from "../gate-denial";

/** When a nonce was issued and until when it may be answered: all the time checks need of it. */
export type NonceWindow = { issuedAt: Date; expiresAt: Date };

/** Clock difference tolerated between the phone and the server. */
const SKEW_MS = 60_000;

export function checkExpiry(
  message: SiweMessage,
  challenge: NonceWindow,
  now: Date,
  latestExpiry: Date = challenge.expiresAt,
): void {
  const t = now.getTime();
  if (challenge.expiresAt.getTime() <= t) {
    throw new GateDenial("CHALLENGE_EXPIRED", `challenge expired at ${challenge.expiresAt.toISOString()}`);
  }
  const issuedAt = Date.parse(message.issuedAt ?? "");
  if (Number.isNaN(issuedAt) || issuedAt < challenge.issuedAt.getTime() - 1_000 || issuedAt > t + SKEW_MS) {
    throw new GateDenial("CHALLENGE_EXPIRED", `issued-at ${message.issuedAt} is outside the challenge's lifetime`);
  }
  if (message.expirationTime === undefined) {
    throw new GateDenial("MALFORMED", "message must carry an expiration time");
  }
  const expiry = Date.parse(message.expirationTime);
  if (expiry <= t) throw new GateDenial("CHALLENGE_EXPIRED", `message expired at ${message.expirationTime}`);
  if (expiry > latestExpiry.getTime()) {
    throw new GateDenial(
      "CHALLENGE_EXPIRED",
      `message expiry ${message.expirationTime} is later than allowed (${latestExpiry.toISOString()})`,
    );
  }
  if (message.notBefore !== undefined && !(Date.parse(message.notBefore) <= t)) {
    throw new GateDenial("CHALLENGE_EXPIRED", `message not valid before ${message.notBefore}`);
  }
}
