/** Step 9: spend the nonce atomically; of two racing scans with one nonce, one gets it. */
import { and, eq, isNull } from "drizzle-orm";
import { gateChallenges } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import { GateDenial } from "../gate-denial";

export async function consumeChallenge(db: DbOrTx, nonce: string, now: Date): Promise<void> {
  const spent = await db
    .update(gateChallenges)
    .set({ usedAt: now })
    .where(and(eq(gateChallenges.nonce, nonce), isNull(gateChallenges.usedAt)))
    .returning({ nonce: gateChallenges.nonce });
  if (spent.length === 0) throw new GateDenial("CHALLENGE_USED", "challenge was already answered");
}
