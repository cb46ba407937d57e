/**
 * Challenge-mode scan: runs the checks in a fixed order and turns the first failure into a
 * DENY verdict with its reason code. Only internal faults (e.g. the database) escape as errors.
 */
import type { Hex } from "viem";
import type { GateVerdict } from "../../lib/gate/reasons";
import type { GateContext } from "./gate-context";
import { ticketFromMessage, type TicketRef } from "./steps/ticket-from-message";
import { gateChallengeNonces } from "./siwe/gate-challenge-nonces";
import { verifySiwe } from "./siwe/verify-siwe";
import { admitVerdict, denyVerdict } from "./gate-verdict";
import { admitTicket } from "./admission/admit-ticket";

export type ScanRequest = { message: string; signature: Hex; idNumber?: string | undefined };

/**
 * @example
 * const verdict = await verifyScan(deps, { message, signature }, clientAddress);
 * if (verdict.result === "DENY") console.log(verdict.reason);
 */
export async function verifyScan(deps: GateContext, scan: ScanRequest, from?: string): Promise<GateVerdict> {
  let ticket: TicketRef | undefined;
  try {
    const now = deps.now();
    // The one SIWE path (siwe/verify-siwe.ts); the ticket resource is read before the signature is checked.
    const { signer, nonce: challenge } = await verifySiwe(scan.message, scan.signature, {
      client: deps.client,
      chainId: deps.chainId,
      siweDomains: deps.siweDomains,
      now,
      nonces: gateChallengeNonces(deps.db, "scan"),
      from,
      inspect: (message, challenge) => {
        ticket = ticketFromMessage(message, challenge, deps.chainId);
      },
    });
    if (!ticket) throw new Error("unreachable: verifySiwe ran inspect");
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
    return admitVerdict(
      ticket,
      holder,
      challenge.gateId,
      checkedInAt,
      await deps.venues.seatOf(ticket.contract, ticket.tokenId),
    );
  } catch (err) {
    return denyVerdict(err, ticket);
  }
}
