/**
 * Fans sign in once (SIWE answering a `seats` nonce: EOA, EIP-1271 or ERC-6492) to hold seats:
 * holds are per wallet, so a fan cannot hold seats in someone else's name. The token is random and
 * stored hashed, valid for one event for an hour.
 */
import { and, eq, gt } from "drizzle-orm";
import { getAddress, type Hex } from "viem";
import type { GateChallenge } from "../../lib/gate/challenge-message";
import { seatSessions } from "../db/schema";
import type { GateContext } from "../gate/gate-context";
import { issueChallenge } from "../gate/issue-challenge";
import { hashSecret, newSecret } from "../gate/sessions/session-token";
import { verifySiweOnce } from "../gate/siwe/verify-siwe-once";
import { SeatError } from "./seat-error";

const SESSION_SECONDS = 3600;

export type SeatSession = { token: string; wallet: string; contract: string; expiresAt: string };

export function issueSeatNonce(
  ctx: GateContext,
  body: { contract: `0x${string}`; domain?: string | undefined },
): Promise<GateChallenge> {
  return issueChallenge(ctx, { contract: body.contract, gateId: "seats", domain: body.domain, purpose: "seats" });
}

export async function openSeatSession(
  ctx: GateContext,
  body: { message: string; signature: Hex },
): Promise<SeatSession> {
  const { signer, challenge } = await verifySiweOnce(ctx, body.message, body.signature, "seats");
  const token = newSecret();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + SESSION_SECONDS * 1000);
  await ctx.db.insert(seatSessions).values({
    tokenHash: hashSecret(token),
    wallet: signer.toLowerCase(),
    contract: challenge.contract.toLowerCase(),
    createdAt: now,
    expiresAt,
  });
  return { token, wallet: signer, contract: getAddress(challenge.contract), expiresAt: expiresAt.toISOString() };
}

/** The wallet and event behind `Authorization: Bearer …`, or UNAUTHORIZED. */
export async function seatSessionOf(
  ctx: GateContext,
  authorization: string | undefined,
): Promise<{ wallet: string; contract: string }> {
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? "");
  if (!m) throw new SeatError("UNAUTHORIZED", "sign in with your wallet to hold seats");
  const [row] = await ctx.db
    .select()
    .from(seatSessions)
    .where(and(eq(seatSessions.tokenHash, hashSecret(m[1]!)), gt(seatSessions.expiresAt, ctx.now())));
  if (!row) throw new SeatError("UNAUTHORIZED", "your seat session is unknown or expired: sign in again");
  return { wallet: row.wallet, contract: row.contract };
}
