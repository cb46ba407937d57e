/**
 * Named tickets at an offline gate: the scanner computes the ID number's commitment
 * (HMAC-SHA256 with the identity pepper, same normalisation as the server) with WebCrypto.
 * The snapshot never carries the pepper: with it and the public on-chain commitments anyone holding
 * a scanner could test guessed ID numbers against every named ticket. An organizer who wants
 * offline ID checks provisions the pepper to the scanner (e.g. typed in by the organizer) and
 * passes this function to `createOfflineGate`; without it named tickets are refused offline.
 */
import { normalizeIdNumber } from "../identity/normalize-id-number";

/** Computes an ID number's commitment (0x + 64 hex) locally. */
export type IdentityCommitter = (idNumber: string) => Promise<`0x${string}`>;

/**
 * @example
 * const gate = createOfflineGate(snapshot, queued, { commitIdentity: webCryptoIdentityCommitter(pepper) });
 */
export function webCryptoIdentityCommitter(pepper: string): IdentityCommitter {
  const enc = new TextEncoder();
  const key = crypto.subtle.importKey("raw", enc.encode(pepper), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return async (idNumber) => {
    const mac = new Uint8Array(await crypto.subtle.sign("HMAC", await key, enc.encode(normalizeIdNumber(idNumber))));
    return `0x${Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("")}`;
  };
}

/** Compares every byte, so the time taken says nothing about where two commitments differ. */
export function sameCommitment(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) diff |= x.charCodeAt(i) ^ y.charCodeAt(i);
  return diff === 0;
}
