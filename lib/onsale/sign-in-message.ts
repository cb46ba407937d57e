import type { Address } from "viem";
import { buildSiweChallengeMessage, eventResource, type SiweChallenge } from "../siwe/challenge-message";

/** What `POST /onsale/entry/sign-in/nonce` answers. */
export type OnsaleSignInChallenge = SiweChallenge & { saleId: string; contract: Address };

/**
 * The EIP-4361 message an admitted fan's wallet signs to bind itself to its queue place.
 *
 * @example
 * const ch = await onsaleSignInNonce(base, token);
 * const message = buildOnsaleSignInMessage(ch, account.address);
 * await onsaleSignIn(base, token, { message, signature: await wallet.signMessage({ account, message }) });
 */
export function buildOnsaleSignInMessage(challenge: OnsaleSignInChallenge, wallet: Address): string {
  return buildSiweChallengeMessage(
    challenge,
    wallet,
    `Sign in to the waiting room of sale ${challenge.saleId} to receive your ticket voucher.`,
    [eventResource(challenge.chainId, challenge.contract)],
  );
}
