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
import { judgeBinding, judgeTicketRules, type IdentityEvidence } from "../../../lib/gate/judge-admission";
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

/** Throws the first failing rule's GateDenial (CANCELLED, ZONE_NOT_ALLOWED, IDENTITY_UNBOUND, IDENTITY_REQUIRED, IDENTITY_MISMATCH); the rules are lib/gate/judge-admission.ts. */
export function checkRules(
  facts: RuleFacts,
  ticket: TicketRef,
  gate: GateRules,
  idNumber: string | undefined,
  now: Date,
): void {
  const claim = { zone: gate.zone, atMs: now.getTime(), identity: identityEvidence(gate, idNumber) };
  const j = judgeTicketRules(
    { ...facts, identityDeadline: facts.identityDeadline ?? null, bound: facts.bound ?? false },
    claim,
  );
  if (j && !j.admit) throw new GateDenial(j.reason, j.message, ticket);
}

/** What the online gate knows of the holder's ID: the number staff entered, checked against the commitment with IDENTITY_PEPPER. */
function identityEvidence(gate: GateRules, idNumber: string | undefined): IdentityEvidence {
  if (idNumber === undefined || idNumber.trim() === "")
    return { kind: "missing", why: "named ticket: enter the holder's ID number" };
  const pepper = gate.identityPepper;
  if (!pepper)
    return { kind: "missing", why: "named ticket, but this gate service has no IDENTITY_PEPPER to check IDs" };
  return { kind: "entered", matches: (commitment) => matchesCommitment(pepper, idNumber, commitment as Hex) };
}

export function checkBinding(deadline: number | null, bound: boolean, ticket: TicketRef, now: Date): void {
  const j = judgeBinding(deadline, bound, now.getTime());
  if (j && !j.admit) throw new GateDenial(j.reason, j.message, ticket);
}

export async function checkTicketRules(
  facts: TicketFacts,
  ticket: TicketRef,
  gate: GateRules,
  idNumber: string | undefined,
  now: Date,
): Promise<void> {
  try {
    // Read in rule order, so a cancelled event costs no tier reads.
    const cancelled = await facts.cancelled(ticket.contract);
    if (cancelled) return checkRules({ cancelled, zones: 0, identityCommitment: null }, ticket, gate, idNumber, now);
    const zones = await facts.zones(ticket.contract, ticket.tokenId);
    if (((zones >>> gate.zone) & 1) === 0)
      return checkRules({ cancelled, zones, identityCommitment: null }, ticket, gate, idNumber, now);
    const rule = (await facts.identityRule?.(ticket.contract, ticket.tokenId)) ?? NO_IDENTITY_RULE;
    checkBinding(rule.deadline, rule.bound, ticket, now);
    const commitment = rule.boundCommitment ?? (await facts.identityCommitment(ticket.contract, ticket.tokenId));
    checkRules({ cancelled, zones, identityCommitment: commitment }, ticket, gate, idNumber, now);
  } catch (err) {
    if (err instanceof TicketFactsUnavailableError) throw new GateDenial("INDEXER_STALE", err.message, ticket);
    throw err;
  }
}
