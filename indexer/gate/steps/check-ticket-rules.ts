/**
 * Steps after ownership, in order: event not cancelled → the tier admits to this gate's zone →
 * identity (real-name tiers: the ID staff entered matches the ticket's commitment).
 * `checkRules` judges facts already in hand (the mirror's); `checkTicketRules` reads them first
 * (contract reads, the fallback when the mirror cannot answer).
 */
import type { Hex } from "viem";
import { matchesCommitment } from "../../../lib/identity/identity-commitment";
import { TicketFactsUnavailableError, type TicketFacts } from "../facts/ticket-facts";
import { GateDenial } from "../gate-denial";
import type { TicketRef } from "./ticket-from-message";

export type GateRules = { zone: number; identityPepper?: string | undefined };
export type RuleFacts = { cancelled: boolean; zones: number; identityCommitment: Hex | null };

/** Throws the first failing rule's GateDenial (CANCELLED, ZONE_NOT_ALLOWED, IDENTITY_REQUIRED, IDENTITY_MISMATCH). */
export function checkRules(facts: RuleFacts, ticket: TicketRef, gate: GateRules, idNumber: string | undefined): void {
  if (facts.cancelled) throw new GateDenial("CANCELLED", "the event was cancelled", ticket);
  if (((facts.zones >>> gate.zone) & 1) === 0) {
    throw new GateDenial("ZONE_NOT_ALLOWED", `ticket admits to zones 0b${facts.zones.toString(2)}, this gate is zone ${gate.zone}`, ticket);
  }
  const commitment = facts.identityCommitment;
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
}

export async function checkTicketRules(facts: TicketFacts, ticket: TicketRef, gate: GateRules, idNumber: string | undefined): Promise<void> {
  try {
    // Read in rule order, so a cancelled event costs no tier reads.
    const cancelled = await facts.cancelled(ticket.contract);
    if (cancelled) return checkRules({ cancelled, zones: 0, identityCommitment: null }, ticket, gate, idNumber);
    const zones = await facts.zones(ticket.contract, ticket.tokenId);
    if (((zones >>> gate.zone) & 1) === 0) return checkRules({ cancelled, zones, identityCommitment: null }, ticket, gate, idNumber);
    checkRules({ cancelled, zones, identityCommitment: await facts.identityCommitment(ticket.contract, ticket.tokenId) }, ticket, gate, idNumber);
  } catch (err) {
    if (err instanceof TicketFactsUnavailableError) throw new GateDenial("INDEXER_STALE", err.message, ticket);
    throw err;
  }
}
