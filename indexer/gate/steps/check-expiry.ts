/** Step 6: the challenge, and the message's own validity window, cover `now`. */
import type { SiweMessage } from "siwe";
import { GateDenial } from "../gate-denial";
import type { ChallengeRow } from "./load-challenge";

export function checkExpiry(message: SiweMessage, challenge: ChallengeRow, now: Date): void {
  const t = now.getTime();
  if (challenge.expiresAt.getTime() <= t) {
    throw new GateDenial("CHALLENGE_EXPIRED", `challenge expired at ${challenge.expiresAt.toISOString()}`);
  }
  if (message.expirationTime !== undefined && Date.parse(message.expirationTime) <= t) {
    throw new GateDenial("CHALLENGE_EXPIRED", `message expired at ${message.expirationTime}`);
  }
  if (message.notBefore !== undefined && Date.parse(message.notBefore) > t) {
    throw new GateDenial("CHALLENGE_EXPIRED", `message not valid before ${message.notBefore}`);
  }
}
