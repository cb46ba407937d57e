/**
 * The admission rules after a scan's own checks (message, signature, slot), as one pure function:
 * facts about a ticket at the moment of admission + the claim → ADMIT or the first failing rule.
 * Order (the online gate's, the offline gate's and reconcile's): ticket exists (UNKNOWN_TOKEN) →
 * the claimant holds it (NOT_OWNER) → pass mode: not given away since the delegation
 * (NO_DELEGATION) → event not cancelled (CANCELLED) → the tier admits to this zone
 * (ZONE_NOT_ALLOWED; an unknown tier does not) → identity bound by the tier's deadline
 * (IDENTITY_UNBOUND) → named ticket: the ID matches (IDENTITY_REQUIRED, IDENTITY_MISMATCH) → not
 * admitted before (ALREADY_CHECKED_IN).
 * How the facts are read (the mirror in one statement, contract reads, a signed snapshot, the
 * transfer history at the admission's time) is the caller's business; what they mean is decided here.
 * Browser- and Node-safe: no I/O, no node:crypto.
 */
import type { DenyReason } from "./reasons";

export type AdmissionFacts = {
  /** Holder at the moment judged (lowercase or checksummed); null: no such ticket (never minted, or burned). */
  owner: string | null;
  /** Pass mode: the holder gave the ticket away after delegating the device key. */
  movedSinceDelegation?: boolean;
  cancelled: boolean;
  /** Zone bitmask of the ticket's tier; null when the tier is not known. */
  zones: number | null;
  /** A named ticket's identity commitment (0x…), or null. */
  identityCommitment: string | null;
  /** Unix seconds by which the tier needs an identity binding; null: no binding needed. */
  identityDeadline: number | null;
  bound: boolean;
  /** Admitted before. */
  checkedIn?: boolean;
};

/**
 * What the gate knows of the holder's ID for a named ticket:
 * - `entered`: staff entered an ID number; `matches` compares its commitment with the ticket's;
 * - `missing`: none entered, or this gate cannot compute commitments (`why` says which);
 * - `checked-at-door`: reconcile of an offline admission, where the offline gate checked it (no ID
 *   number ever leaves the door, so the server cannot check it again).
 */
export type IdentityEvidence =
  | { kind: "entered"; matches: (commitment: string) => boolean }
  | { kind: "missing"; why: string }
  | { kind: "checked-at-door" };

export type AdmissionClaim = {
  /** Who must hold the ticket: the signer, or the wallet that delegated the pass key. */
  claimant: string;
  /** Zone bit (0-31) of the gate. */
  zone: number;
  /** When the admission happens (ms since epoch). */
  atMs: number;
  identity: IdentityEvidence;
};

export type Judgement = { admit: true } | { admit: false; reason: DenyReason; message: string };

const ADMIT: Judgement = { admit: true };
const deny = (reason: DenyReason, message: string): Judgement => ({ admit: false, reason, message });

/**
 * @example
 * const j = judgeAdmission(facts, { claimant, zone: 0, atMs: Date.now(), identity: { kind: "missing", why: "no ID entered" } });
 * if (!j.admit) console.log(j.reason);
 */
export function judgeAdmission(facts: AdmissionFacts, claim: AdmissionClaim): Judgement {
  if (facts.owner === null) return deny("UNKNOWN_TOKEN", "ticket was never minted (or was burned)");
  if (facts.owner.toLowerCase() !== claim.claimant.toLowerCase())
    return deny("NOT_OWNER", `ticket is held by ${facts.owner}, not ${claim.claimant}`);
  if (facts.movedSinceDelegation)
    return deny("NO_DELEGATION", "the holder gave the ticket away after delegating; delegate again");
  return (
    judgeTicketRules(facts, claim) ??
    (facts.checkedIn ? deny("ALREADY_CHECKED_IN", "ticket was admitted before") : ADMIT)
  );
}

/** The rules between ownership and first-wins (cancelled, zone, binding, identity): the first that fails, or null. */
export function judgeTicketRules(
  facts: Omit<AdmissionFacts, "owner">,
  claim: Omit<AdmissionClaim, "claimant">,
): Judgement | null {
  if (facts.cancelled) return deny("CANCELLED", "the event was cancelled");
  if (facts.zones === null) return deny("ZONE_NOT_ALLOWED", "the ticket's tier is not known here");
  if (((facts.zones >>> claim.zone) & 1) === 0) {
    return deny(
      "ZONE_NOT_ALLOWED",
      `ticket admits to zones 0b${facts.zones.toString(2)}, this gate is zone ${claim.zone}`,
    );
  }
  const binding = judgeBinding(facts.identityDeadline, facts.bound, claim.atMs);
  if (binding) return binding;
  if (facts.identityCommitment === null) return null;
  const id = claim.identity;
  if (id.kind === "missing") return deny("IDENTITY_REQUIRED", id.why);
  // Never log or echo the ID number itself.
  if (id.kind === "entered" && !id.matches(facts.identityCommitment))
    return deny("IDENTITY_MISMATCH", "the ID number does not match this ticket");
  return null;
}

/** After the tier's deadline (unix seconds, inclusive: the contract still binds at it) an unbound ticket is refused. */
export function judgeBinding(deadline: number | null, bound: boolean, atMs: number): Judgement | null {
  if (deadline === null || bound || atMs <= deadline * 1000) return null;
  return deny(
    "IDENTITY_UNBOUND",
    `the tier needs an identity binding by ${new Date(deadline * 1000).toISOString()}; this ticket has none`,
  );
}
