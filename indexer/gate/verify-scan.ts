/**
 * Challenge-mode scan: runs the checks in a fixed order and turns the first failure into a
 * DENY verdict with its reason code. Only internal faults (e.g. the database) escape as errors.
 */
import { getAddress, type Hex } from "viem";
import type { GateVerdict } from "../../lib/gate/reasons";
import type { GateContext } from "./gate-context";
import { checkChain } from "./steps/check-chain";
import { checkDomain } from "./steps/check-domain";
import { checkExpiry } from "./steps/check-expiry";
import { consumeChallenge } from "./steps/consume-challenge";
import { loadChallenge } from "./steps/load-challenge";
import { parseMessage } from "./steps/parse-message";
import { ticketFromMessage, type TicketRef } from "./steps/ticket-from-message";
import { verifySignature } from "./steps/verify-signature";
import { admitVerdict, denyVerdict } from "./gate-verdict";
import { admitTicket } from "./admission/admit-ticket";

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
    const { holder, checkedInAt } = await admitTicket(deps, {
      ticket,
      claimant: signer,
      gateId: challenge.gateId,
      zone: challenge.zone,
      idNumber: scan.idNumber,
      now,
      mode: "challenge",
      delegatedAtBlock: null,
    });
    return admitVerdict(ticket, holder, challenge.gateId, checkedInAt, await deps.venues.seatOf(ticket.contract, ticket.tokenId));
  } catch (err) {
    return denyVerdict(err, ticket);
  }
}
