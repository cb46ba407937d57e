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
};

export type GateVerdict =
  | { result: "ADMIT"; contract: `0x${string}`; tokenId: string; holder: `0x${string}`; gateId: string; checkedInAt: string }
  | { result: "DENY"; reason: DenyReason; message: string; contract?: `0x${string}`; tokenId?: string };
