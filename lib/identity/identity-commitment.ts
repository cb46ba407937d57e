/**
 * Real-name tickets: the chain stores only HMAC-SHA256(pepper, normalised ID number). The
 * organizer's tools compute it when issuing vouchers; the gate computes it from what staff enter.
 * Server-side only (node:crypto); the ID number itself is never stored or logged.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Hex } from "viem";
import { normalizeIdNumber } from "./normalize-id-number";

export { normalizeIdNumber };

/**
 * @example
 * const commitment = identityCommitment(process.env.IDENTITY_PEPPER!, "X1234567"); // 0x…32 bytes
 */
export function identityCommitment(pepper: string, idNumber: string): Hex {
  return `0x${createHmac("sha256", pepper).update(normalizeIdNumber(idNumber), "utf8").digest("hex")}`;
}

/** Constant-time comparison of a computed commitment with the ticket's. */
export function matchesCommitment(pepper: string, idNumber: string, commitment: Hex): boolean {
  const a = Buffer.from(identityCommitment(pepper, idNumber).slice(2), "hex");
  const b = Buffer.from(commitment.slice(2).padStart(64, "0"), "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
