import { getAddress, type Address } from "viem";
import { createSiweMessage } from "viem/siwe";
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
  return createSiweMessage({
    domain: challenge.domain,
    address: getAddress(staff),
    statement: `Sign in as gate ${challenge.gateId} (zone ${challenge.zone}) to scan tickets for this event.`,
    uri: challenge.uri,
    version: "1",
    chainId: challenge.chainId,
    nonce: challenge.nonce,
    issuedAt: new Date(challenge.issuedAt),
    expirationTime: new Date(challenge.expiresAt),
    resources: [`eip155:${challenge.chainId}/erc721:${getAddress(challenge.contract)}`],
  });
}
