import type { Address } from "viem";
import type { GateChallenge } from "../gate/challenge-message";
import { buildSiweChallengeMessage, eventResource } from "../siwe/challenge-message";

/**
 * The EIP-4361 message a fan signs before holding seats in checkout (`POST /seats/session/nonce`
 * answers the challenge). Holds are per wallet, so the wallet proves itself once per session.
 *
 * @example
 * const ch = await post("/seats/session/nonce", { contract });
 * const { token } = await post("/seats/session", { message: buildSeatSignInMessage(ch, me), signature });
 */
export function buildSeatSignInMessage(challenge: GateChallenge, fan: Address): string {
  return buildSiweChallengeMessage(
    challenge,
    fan,
    "Sign in to hold seats while you check out. This costs nothing and moves no funds.",
    [eventResource(challenge.chainId, challenge.contract)],
  );
}
