/**
 * Proof-of-work challenges: issued per join attempt, stored, spent once. The check itself is
 * lib/onsale/pow.ts (one sha256); the table stops one solution from being replayed for many joins.
 */
import { randomBytes } from "node:crypto";
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { checkPow } from "../../../lib/onsale/pow";
import type { OnsalePowChallenge } from "../../../lib/onsale/types";
import { onsalePowChallenges } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import { OnsaleError } from "../onsale-error";
import type { SaleRow } from "../sales/sale-row";

export const POW_TTL_SECONDS = 300;

export async function issuePowChallenge(db: DbOrTx, sale: SaleRow, now: Date): Promise<OnsalePowChallenge> {
  const challenge = `${sale.id}.${randomBytes(16).toString("hex")}`;
  const expiresAt = new Date(now.getTime() + POW_TTL_SECONDS * 1000);
  await db.insert(onsalePowChallenges).values({ challenge, saleId: sale.id, bits: sale.powBits, expiresAt });
  // Expired challenges are useless; dropping a few on each issue keeps the table small.
  await db
    .delete(onsalePowChallenges)
    .where(lt(onsalePowChallenges.expiresAt, new Date(now.getTime() - POW_TTL_SECONDS * 1000)));
  return { challenge, bits: sale.powBits, expiresAt: expiresAt.toISOString() };
}

/** Verifies and spends a solution; throws POW_REQUIRED / POW_INVALID. */
export async function spendPow(
  db: DbOrTx,
  sale: SaleRow,
  pow: { challenge: string; nonce: string } | undefined,
  now: Date,
): Promise<void> {
  if (sale.powBits === 0) return;
  if (!pow)
    throw new OnsaleError(
      "POW_REQUIRED",
      `solve a ${sale.powBits}-bit challenge from POST /onsale/sales/${sale.id}/pow`,
    );
  if (!checkPow(pow.challenge, pow.nonce, sale.powBits))
    throw new OnsaleError("POW_INVALID", "the hash does not have enough leading zero bits");
  const spent = await db
    .update(onsalePowChallenges)
    .set({ usedAt: now })
    .where(
      and(
        eq(onsalePowChallenges.challenge, pow.challenge),
        eq(onsalePowChallenges.saleId, sale.id),
        isNull(onsalePowChallenges.usedAt),
        gt(onsalePowChallenges.expiresAt, now),
      ),
    )
    .returning({ bits: onsalePowChallenges.bits });
  if (spent.length === 0) throw new OnsaleError("POW_INVALID", "unknown, expired or already used challenge");
  if (spent[0]!.bits < sale.powBits) throw new OnsaleError("POW_INVALID", "challenge was issued at a lower difficulty");
}
