/** Step 5: the nonce is one this service issued for this purpose (and, cheaply, not already spent). */
import { eq } from "drizzle-orm";
import type { SiweMessage } from "siwe";
import { gateChallenges } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import { GateDenial } from "../gate-denial";

export type ChallengeRow = typeof gateChallenges.$inferSelect;
/** `scan`: challenge mode; `delegate`: pass delegation; `session`: gate staff sign-in; `seats`: a fan holding seats; `binding`: a holder asking for an identity binding. */
export type NoncePurpose = "scan" | "delegate" | "session" | "seats" | "binding";

export async function loadChallenge(
  db: DbOrTx,
  message: SiweMessage,
  purpose: NoncePurpose = "scan",
): Promise<ChallengeRow> {
  const [row] = await db.select().from(gateChallenges).where(eq(gateChallenges.nonce, message.nonce));
  // A nonce issued for another purpose is as good as unknown here: no cross-protocol reuse.
  if (!row || row.purpose !== purpose)
    throw new GateDenial("UNKNOWN_CHALLENGE", "nonce was not issued by this gate service for this use");
  if (row.domain !== message.domain) {
    throw new GateDenial("WRONG_DOMAIN", `challenge was issued for ${row.domain}, message names ${message.domain}`);
  }
  // Fast path only: the atomic consume step is what actually prevents a replay.
  if (row.usedAt !== null) throw new GateDenial("CHALLENGE_USED", "challenge was already answered");
  return row;
}
