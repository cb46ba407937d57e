/**
 * What the gate needs to know about a ticket besides its owner. An interface, so an
 * implementation backed by the indexer's mirror can replace the contract-read one.
 */
import type { Address, Hex } from "viem";

export type TicketFacts = {
  /** Zone bitmask of the ticket's tier (bit 0 general, bit 1 VIP, ...). */
  zones(contract: Address, tokenId: bigint): Promise<number>;
  /** HMAC identity commitment for real-name tickets, or null. */
  identityCommitment(contract: Address, tokenId: bigint): Promise<Hex | null>;
  /** The organizer cancelled the event. */
  cancelled(contract: Address): Promise<boolean>;
  /** Real-name deadline of the ticket's tier and whether the ticket is bound (with its bound commitment). */
  identityRule(contract: Address, tokenId: bigint): Promise<IdentityRule>;
};

/** `deadline`: unix seconds by which the tier needs a binding, null when it needs none. */
export type IdentityRule = { deadline: number | null; bound: boolean; boundCommitment: Hex | null };

/** The rule of a tier that needs no binding. */
export const NO_IDENTITY_RULE: IdentityRule = { deadline: null, bound: false, boundCommitment: null };

/** A fact could not be read (RPC down): the scan is refused with INDEXER_STALE, not admitted. */
export class TicketFactsUnavailableError extends Error {
  override name = "TicketFactsUnavailableError";
}
