import type { Hex } from "viem";

export type IdentityFacts = { identityCommitment: Hex | null; voucherOnly: boolean; transferable: boolean };

export type IdentityWords = {
  state: "bound" | "real-name-unbound" | "not-required";
  /** Short, for the ticket's facts list. */
  summary: string;
  /** What the holder should know, one sentence each. */
  notes: string[];
  /** First and last bytes of the on-chain commitment, so a holder can compare it with a receipt; null when unbound. */
  fingerprint: string | null;
};

const ZERO = `0x${"0".repeat(64)}`;

/**
 * What a ticket's identity binding means for its holder, from what the contract offers: a
 * commitment `HMAC(pepper, normalised ID)` set when a real-name voucher is redeemed
 * (`identityOf`), never the ID itself; the gate asks for the matching ID; the binding stays with
 * the ticket if it moves; lost-wallet recovery needs the same commitment. The contract has no way
 * to bind an ID to a ticket after purchase, so an unbound ticket stays unbound.
 *
 * @example
 * identityWords({ identityCommitment: "0xab…", voucherOnly: true, transferable: false }).state // "bound"
 */
export function identityWords(t: IdentityFacts): IdentityWords {
  const bound = t.identityCommitment !== null && t.identityCommitment.toLowerCase() !== ZERO;
  if (bound) {
    const c = t.identityCommitment!;
    return {
      state: "bound",
      summary: "Named ticket: bound to an ID number.",
      fingerprint: `${c.slice(0, 10)}…${c.slice(-8)}`,
      notes: [
        "Bring the ID you entered when you bought it: the gate may ask for it and refuses another.",
        "Only a keyed fingerprint (HMAC) of the ID number is on chain, never the number itself.",
        ...(t.transferable
          ? [
              "If you pass this ticket on, it stays bound to your ID: the new holder cannot use it at a gate that checks IDs.",
            ]
          : []),
        "Lost your wallet? The organizer can move this ticket to a new wallet only for the same ID.",
      ],
    };
  }
  if (t.voucherOnly) {
    return {
      state: "real-name-unbound",
      summary: "Real-name tier, but this ticket is not bound to an ID.",
      fingerprint: null,
      notes: [
        "Tickets of this tier are named when bought through the sale's waiting room with an ID number; one issued another way (e.g. by the organizer) carries no ID and the gate will not ask for one.",
      ],
    };
  }
  return { state: "not-required", summary: "Not required for this tier.", fingerprint: null, notes: [] };
}
