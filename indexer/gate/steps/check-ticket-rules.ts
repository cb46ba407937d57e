/**
 * Steps after ownership, in order: event not cancelled → the tier admits to this gate's zone →
 * identity binding (a tier with a real-name deadline: after it, an unbound ticket is refused) →
 * identity (real-name tickets: the ID staff entered matches the ticket's commitment).
 * `checkRules` judges facts already in hand (the mirror's); `checkTicketRules` reads them first
 * (contract reads, the fallback when the mirror cannot answer).
 */
import type { Hex } from "viem";
import { matchesCommitment } from "../../../lib/identity/identity-commitment";
import { NO_IDENTITY_RULE, TicketFactsUnavailableError, type TicketFacts } from "../facts/ticket-facts";
import { GateDenial } from "../gate-denial";
import type { TicketRef } from "./ticket-from-message";

export type GateRules = { zone: number; identityPepper?: string | undefined };
export type RuleFacts = {
  cancelled: boolean;
  zones: number;
  identityCommitment: Hex | null;
  /** Unix seconds by which the tier needs an identity binding; null/absent: no binding needed. */
  identityDeadline?: number | null;
  bound?: boolean;
};

/** Throws the first failing rule's GateDenial (CANCELLED, ZONE_NOT_ALLOWED, IDENTITY_UNBOUND, IDENTITY_REQUIRED, IDENTITY_MISMATCH). */
export function checkRules(facts: RuleFacts, ticket: TicketRef, gate: GateRules, idNumber: string | undefined, now: Date): void {
  if (facts.cancelled) throw new GateDenial("CANCELLED", "the event was cancelled", ticket);
  if (((facts.zones >>> gate.zone) & 1) === 0) {
    throw new GateDenial("ZONE_NOT_ALLOWED", `ticket admits to zones 0b${facts.zones.toString(2)}, this gate is zone ${gate.zone}`, ticket);
  }
  checkBinding(facts.identityDeadline ?? null, facts.bound ?? false, ticket, now);
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

/** After the tier's deadline (unix seconds, inclusive: the contract still binds at it) an unbound ticket is refused. */
export function checkBinding(deadline: number | null, bound: boolean, ticket: TicketRef, now: Date): void {
  if (deadline === null || bound || now.getTime() <= deadline * 1000) return;
  throw new GateDenial("IDENTITY_UNBOUND", `the tier needs an identity binding by ${new Date(deadline * 1000).toISOString()}; this ticket has none`, ticket);
}

export async function checkTicketRules(facts: TicketFacts, ticket: TicketRef, gate: GateRules, idNumber: string | undefined, now: Date): Promise<void> {
  try {
    // Read in rule order, so a cancelled event costs no tier reads.
    const cancelled = await facts.cancelled(ticket.contract);
    if (cancelled) return checkRules({ cancelled, zones: 0, identityCommitment: null }, ticket, gate, idNumber, now);
    const zones = await facts.zones(ticket.contract, ticket.tokenId);
    if (((zones >>> gate.zone) & 1) === 0) return checkRules({ cancelled, zones, identityCommitment: null }, ticket, gate, idNumber, now);
    const rule = (await facts.identityRule?.(ticket.contract, ticket.tokenId)) ?? NO_IDENTITY_RULE;
    checkBinding(rule.deadline, rule.bound, ticket, now);
    const commitment = rule.boundCommitment ?? (await facts.identityCommitment(ticket.contract, ticket.tokenId));
    checkRules({ cancelled, zones, identityCommitment: commitment }, ticket, gate, idNumber, now);
  } catch (err) {
    if (err instanceof TicketFactsUnavailableError) throw new GateDenial("INDEXER_STALE", err.message, ticket);
    throw err;
  }
}
