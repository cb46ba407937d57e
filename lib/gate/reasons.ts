/**
 * Gate verdict reason codes, shared by the gate service, the app and the tests.
 * Stable strings: logs, dashboards and UIs key on them.
 */
export const DenyReason = {
  /** The request or message could not be parsed. */
  MALFORMED: "MALFORMED",
  /** The SIWE message's domain or URI is not this gate's. */
  WRONG_DOMAIN: "WRONG_DOMAIN",
  /** The message is for another chain. */
  WRONG_CHAIN: "WRONG_CHAIN",
  /** The ticket's contract is not the event this challenge was issued for. */
  WRONG_EVENT: "WRONG_EVENT",
  /** The nonce was never issued by this gate service. */
  UNKNOWN_CHALLENGE: "UNKNOWN_CHALLENGE",
  /** The challenge (or the message) has expired. */
  CHALLENGE_EXPIRED: "CHALLENGE_EXPIRED",
  /** The challenge was already answered once: a replay. */
  CHALLENGE_USED: "CHALLENGE_USED",
  /** The signature does not belong to the message's address. */
  BAD_SIGNATURE: "BAD_SIGNATURE",
  /** No such ticket has been minted (as far as the indexer knows). */
  UNKNOWN_TOKEN: "UNKNOWN_TOKEN",
  /** The signer does not hold the ticket now. */
  NOT_OWNER: "NOT_OWNER",
  /** The ticket was admitted before. */
  ALREADY_CHECKED_IN: "ALREADY_CHECKED_IN",
  /** The ownership mirror is too far behind the chain to be trusted. */
  INDEXER_STALE: "INDEXER_STALE",
  /** Pass mode: a pass format version this gate does not speak. */
  WRONG_VERSION: "WRONG_VERSION",
  /** Pass mode: the pass's time slot is older than the allowed skew (a screenshot or replay). */
  SLOT_EXPIRED: "SLOT_EXPIRED",
  /** Pass mode: the pass's time slot is ahead of the gate's clock beyond the allowed skew. */
  SLOT_IN_FUTURE: "SLOT_IN_FUTURE",
  /** Pass mode: no delegation for this device key and event (never made, or voided by a transfer). */
  NO_DELEGATION: "NO_DELEGATION",
  /** Pass mode: the delegation of this device key has expired. */
  DELEGATION_EXPIRED: "DELEGATION_EXPIRED",
  /** Pass delegation: the device key did not sign the delegation (no proof that this phone holds it). */
  DEVICE_PROOF_INVALID: "DEVICE_PROOF_INVALID",
  /** The event was cancelled. */
  CANCELLED: "CANCELLED",
  /** The ticket's tier does not admit to this gate's zone. */
  ZONE_NOT_ALLOWED: "ZONE_NOT_ALLOWED",
  /** A real-name ticket: staff must enter the holder's ID number. */
  IDENTITY_REQUIRED: "IDENTITY_REQUIRED",
  /** A real-name ticket: the ID number entered does not match the ticket. */
  IDENTITY_MISMATCH: "IDENTITY_MISMATCH",
  /** The tier requires an identity binding by a deadline; it passed and the ticket is unbound. */
  IDENTITY_UNBOUND: "IDENTITY_UNBOUND",
  /** The scanning device has no valid gate session for this event. */
  GATE_UNAUTHORIZED: "GATE_UNAUTHORIZED",
  /** The scanning device sent too many requests. */
  RATE_LIMITED: "RATE_LIMITED",
  /** Offline reconcile: the admission is dated outside the scanner's offline snapshot window. */
  OUTSIDE_SNAPSHOT: "OUTSIDE_SNAPSHOT",
  /**
   * Offline gate: the pass's device key is not in the gate's snapshot. Offline it cannot tell a phone
   * set up after the snapshot from one never set up, so it names its own list's age, not the fan.
   */
  SNAPSHOT_BEHIND: "SNAPSHOT_BEHIND",
} as const;
export type DenyReason = (typeof DenyReason)[keyof typeof DenyReason];

/** Words for people at the door. */
export const denyReasonText: Record<DenyReason, string> = {
  MALFORMED: "The pass could not be read.",
  WRONG_DOMAIN: "This pass was made for another gate.",
  WRONG_CHAIN: "This pass is for another network.",
  WRONG_EVENT: "This ticket is for another event.",
  UNKNOWN_CHALLENGE: "The gate did not issue this challenge.",
  CHALLENGE_EXPIRED: "The challenge expired. Scan again.",
  CHALLENGE_USED: "This challenge was already used.",
  BAD_SIGNATURE: "The wallet signature is not valid.",
  UNKNOWN_TOKEN: "No such ticket.",
  NOT_OWNER: "This wallet does not hold the ticket.",
  ALREADY_CHECKED_IN: "This ticket has already been admitted.",
  INDEXER_STALE: "The gate cannot confirm ownership right now. Try again.",
  WRONG_VERSION: "This pass format is not supported. Update the app.",
  SLOT_EXPIRED: "This pass code is too old (a screenshot?). Show the live pass.",
  SLOT_IN_FUTURE: "This pass code is from the future: check the phone's clock.",
  NO_DELEGATION: "This phone is not set up to show this ticket.",
  DELEGATION_EXPIRED: "This phone's pass has expired. Open the ticket in the app again.",
  DEVICE_PROOF_INVALID: "This phone could not prove it holds the pass key. Set the pass up again on the phone itself.",
  CANCELLED: "This event was cancelled.",
  ZONE_NOT_ALLOWED: "This ticket does not admit to this area.",
  IDENTITY_REQUIRED: "Named ticket: check the holder's ID.",
  IDENTITY_MISMATCH: "The ID does not match this named ticket.",
  IDENTITY_UNBOUND: "Not valid: the holder did not bind an identity before the deadline.",
  GATE_UNAUTHORIZED: "This scanner is not signed in for this event.",
  RATE_LIMITED: "Too many scans from this device. Wait a moment.",
  OUTSIDE_SNAPSHOT: "This offline admission is dated outside the time this scanner held a valid snapshot.",
  SNAPSHOT_BEHIND: "This gate's offline list is older than this phone's pass. Connect the gate or check the fan's ID.",
};

const hhmm = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, "0")}:${String(d.getMinutes()).padStart(2, "0")}`;
};

/**
 * The words for a DENY, with what the verdict knows beyond its code: SNAPSHOT_BEHIND names the time
 * of the gate's list (`snapshotAt`, ms since epoch, shown in the device's local time).
 *
 * @example
 * denyWords("SNAPSHOT_BEHIND", { snapshotAt: Date.now() - 3_600_000 });
 */
export function denyWords(reason: DenyReason, detail: { snapshotAt?: number | undefined } = {}): string {
  if (reason === "SNAPSHOT_BEHIND" && detail.snapshotAt !== undefined && Number.isFinite(detail.snapshotAt))
    return `This gate's list is from ${hhmm(detail.snapshotAt)}; the phone was set up later. Connect the gate or check the fan's ID.`;
  return denyReasonText[reason];
}

export type GateVerdict =
  | {
      result: "ADMIT";
      contract: `0x${string}`;
      tokenId: string;
      holder: `0x${string}`;
      gateId: string;
      checkedInAt: string;
      /** Reserved seating: where the holder sits (the gate screen shows it). */
      seat?: { section: string; row: string; number: number };
    }
  | {
      result: "DENY";
      reason: DenyReason;
      message: string;
      contract?: `0x${string}`;
      tokenId?: string;
      /** Offline SNAPSHOT_BEHIND: when the gate's list was issued (ms since epoch). */
      snapshotAt?: number;
    };
