/**
 * Challenge-mode scan: runs the checks in a fixed order and turns the first failure into a
 * DENY verdict with its reason code. Only internal faults (e.g. the database) escape as errors.
 */
import { getAddress, isAddressEqual, type Hex } from "viem";
import type { GateVerdict } from "../../lib/gate/reasons";
import type { GateContext } from "./gate-context";
import { GateDenial } from "./gate-denial";
import { checkChain } from "./steps/check-chain";
import { checkDomain } from "./steps/check-domain";
import { checkExpiry } from "./steps/check-expiry";
import { checkTicketRules } from "./steps/check-ticket-rules";
import { consumeChallenge } from "./steps/consume-challenge";
import { loadChallenge } from "./steps/load-challenge";
import { parseMessage } from "./steps/parse-message";
import { resolveOwner } from "./steps/resolve-owner";
import { ticketFromMessage, type TicketRef } from "./steps/ticket-from-message";
import { verifySignature } from "./steps/verify-signature";
import { admitVerdict, denyVerdict } from "./gate-verdict";

export type ScanRequest = { message: string; signature: Hex; idNumber?: string | undefined };

/**
 * @example
 * const verdict = await verifyScan(deps, { message, signature });
 * if (verdict.result === "DENY") console.log(verdict.reason);
 */
export async function verifyScan(deps: GateContext, scan: ScanRequest): Promise<GateVerdict> {
  let ticket: TicketRef | undefined;
  try {
    const message = parseMessage(scan.message);
    checkDomain(message, deps.siweDomains);
    checkChain(message, deps.chainId);
    const challenge = await loadChallenge(deps.db, message);
    const now = deps.now();
    checkExpiry(message, challenge, now);
    ticket = ticketFromMessage(message, challenge, deps.chainId);
    const signer = getAddress(message.address);
    await verifySignature(deps.client, signer, scan.message, scan.signature);
    await consumeChallenge(deps.db, challenge.nonce, now);
    const owner = await resolveOwner(deps, ticket, signer);
    if (!isAddressEqual(owner, signer)) {
      throw new GateDenial("NOT_OWNER", `ticket is held by ${owner}, not ${signer}`);
    }
    await checkTicketRules(deps.facts, ticket, { zone: challenge.zone, identityPepper: deps.settings.identityPepper }, scan.idNumber);
    const checkedInAt = await deps.recordCheckIn({ ticket, holder: signer, gateId: challenge.gateId, now });
    return admitVerdict(ticket, signer, challenge.gateId, checkedInAt);
  } catch (err) {
    return denyVerdict(err, ticket);
  }
}
