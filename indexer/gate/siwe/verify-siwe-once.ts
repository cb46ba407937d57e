/**
 * A SIWE message answering one of our nonces, verified and spent: strict parse, domain + URI,
 * chain, nonce (issued for `purpose`, unused), times, signature (EOA, EIP-1271, ERC-6492), then
 * the nonce is consumed atomically. Shared by pass delegation and gate staff sign-in.
 */
import { getAddress, type Address, type Hex } from "viem";
import type { SiweMessage } from "siwe";
import type { GateContext } from "../gate-context";
import { checkChain } from "../steps/check-chain";
import { checkDomain } from "../steps/check-domain";
import { checkExpiry } from "../steps/check-expiry";
import { consumeChallenge } from "../steps/consume-challenge";
import { loadChallenge, type ChallengeRow, type NoncePurpose } from "../steps/load-challenge";
import { parseMessage } from "../steps/parse-message";
import { verifySignature } from "../steps/verify-signature";

export type VerifiedSiwe = { message: SiweMessage; signer: Address; challenge: ChallengeRow };

export async function verifySiweOnce(
  ctx: GateContext,
  text: string,
  signature: Hex,
  purpose: NoncePurpose,
  latestExpiry?: (challenge: ChallengeRow) => Date,
): Promise<VerifiedSiwe> {
  const message = parseMessage(text);
  checkDomain(message, ctx.siweDomains);
  checkChain(message, ctx.chainId);
  const challenge = await loadChallenge(ctx.db, message, purpose);
  const now = ctx.now();
  checkExpiry(message, challenge, now, latestExpiry?.(challenge));
  const signer = getAddress(message.address);
  await verifySignature(ctx.client, signer, text, signature);
  await consumeChallenge(ctx.db, challenge.nonce, now);
  return { message, signer, challenge };
}
