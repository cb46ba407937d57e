/**
 * A SIWE message answering one of the gate service's nonces (`gate_challenges`), verified and
 * spent through the one SIWE path (verify-siwe.ts). Used by pass delegation, staff and organizer
 * sign-in, seat sessions and identity bindings.
 */
import type { Address, Hex } from "viem";
import type { SiweMessage } from "siwe";
import type { GateDeps } from "../gate-deps";
import type { ChallengeRow, NoncePurpose } from "../steps/load-challenge";
import { gateChallengeNonces } from "./gate-challenge-nonces";
import { verifySiwe } from "./verify-siwe";

export type VerifiedSiwe = { message: SiweMessage; signer: Address; challenge: ChallengeRow };

export async function verifySiweOnce(
  ctx: Pick<GateDeps, "db" | "client" | "chainId" | "siweDomains" | "now">,
  text: string,
  signature: Hex,
  purpose: NoncePurpose,
  latestExpiry?: (challenge: ChallengeRow) => Date,
  inspect?: (message: SiweMessage, challenge: ChallengeRow) => void | Promise<void>,
): Promise<VerifiedSiwe> {
  const { message, signer, nonce } = await verifySiwe(text, signature, {
    client: ctx.client,
    chainId: ctx.chainId,
    siweDomains: ctx.siweDomains,
    now: ctx.now(),
    nonces: gateChallengeNonces(ctx.db, purpose),
    ...(latestExpiry ? { latestExpiry } : {}),
    ...(inspect ? { inspect } : {}),
  });
  return { message, signer, challenge: nonce };
}
