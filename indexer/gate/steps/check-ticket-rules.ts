/**
 * Steps after ownership, in order: event not cancelled → the tier admits to this gate's zone →
 * identity (real-name tiers: the ID staff entered matches the ticket's commitment).
 */
import { matchesCommitment } from "../../../lib/identity/identity-commitment";
import { TicketFactsUnavailableError, type TicketFacts } from "../facts/ticket-facts";
import { GateDenial } from "../gate-denial";
import type { TicketRef } from "./ticket-from-message";

export async function checkTicketRules(
  facts: TicketFacts,
  ticket: TicketRef,
  gate: { zone: number; identityPepper?: string | undefined },
  idNumber: string | undefined,
): Promise<void> {
  try {
    if (await facts.cancelled(ticket.contract)) throw new GateDenial("CANCELLED", "the event was cancelled", ticket);
    const zones = await facts.zones(ticket.contract, ticket.tokenId);
    if (((zones >>> gate.zone) & 1) === 0) {
      throw new GateDenial("ZONE_NOT_ALLOWED", `ticket admits to zones 0b${zones.toString(2)}, this gate is zone ${gate.zone}`, ticket);
    }
    const commitment = await facts.identityCommitment(ticket.contract, ticket.tokenId);
    if (commitment === null) return;
    if (idNumber === undefined || idNumber.trim() === "") {
      throw new GateDenial("IDENTITY_REQUIRED", "named ticket: enter the holder's ID number", ticket);
    }
    if (!gate.identityPepper) {
      throw new GateDenial("IDENTITY_REQUIRED", "named ticket, but this gate service has no IDENTITY_PEPPER to check IDs", ticket);
    }
    // Never log or echo the ID number itself.
    if (!matchesCommitment(gate.identityPepper, idNumber, commitment)) {
      throw new GateDenial("IDENTITY_MISMATCH", "the ID number does not match this ticket", ticket);
    }
  } catch (err) {
    if (err instanceof TicketFactsUnavailableError) throw new GateDenial("INDEXER_STALE", err.message, ticket);
    throw err;
  }
}
