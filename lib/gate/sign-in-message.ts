import type { Address } from "viem";
import { buildSiweChallengeMessage, eventResource } from "../siwe/challenge-message";
import type { GateChallenge } from "./challenge-message";

/** What `POST /gate/session/nonce` answers: a challenge plus the zone the gate will admit to. */
export type GateSignInChallenge = GateChallenge & { zone: number };

/**
 * The EIP-4361 message gate staff sign (with a wallet holding GATE_ROLE on the event) to open
 * a scanner session for one gate and zone.
 *
 * @example
 * const ch = await post("/gate/session/nonce", { contract, gateId: "north-1", zone: 0 });
 * const message = buildGateSignInMessage(ch, account.address);
 * const { token } = await post("/gate/session", { message, signature: await wallet.signMessage({ account, message }) });
 */
export function buildGateSignInMessage(challenge: GateSignInChallenge, staff: Address): string {
  return buildSiweChallengeMessage(
    challenge,
    staff,
    `Sign in as gate ${challenge.gateId} (zone ${challenge.zone}) to scan tickets for this event.`,
    [eventResource(challenge.chainId, challenge.contract)],
  );
}
