/**
 * Scanner requests signed by the scanner's device key (P-256, WebCrypto), so a session token
 * copied to another device is useless without the key: invite sessions (door staff without a
 * wallet) are bound at redemption to the device key the scanner registered. Browser- and
 * Node-safe; the gate checks with node:crypto (indexer/gate/sessions/device-proof.ts).
 */
import { fromBase64Url, normalizeLowS, toBase64Url } from "../pass";

export const DEVICE_TIME_HEADER = "x-fairgate-time";
export const DEVICE_SIGNATURE_HEADER = "x-fairgate-signature";
/** A signed request counts this long either side of the gate's clock (replays beyond it fail). */
export const DEVICE_PROOF_SKEW_MS = 30_000;

export type SignedRequestParts = { method: string; path: string; timeMs: number; body: string };

/** What the device key signs: a domain tag, then method, path, time and the exact body text. */
export function deviceRequestBytes(r: SignedRequestParts): Uint8Array {
  return new TextEncoder().encode(
    `fairgate-gate-request/1\n${r.method.toUpperCase()}\n${r.path}\n${r.timeMs}\n${r.body}`,
  );
}

/**
 * The two headers that prove a request comes from the device holding `privateKey`.
 *
 * @example
 * const body = JSON.stringify({ pass });
 * const headers = await signDeviceRequest(keys.privateKey, { method: "POST", path: "/gate/pass/scan", timeMs: Date.now(), body });
 */
export async function signDeviceRequest(privateKey: CryptoKey, r: SignedRequestParts): Promise<Record<string, string>> {
  const bytes = deviceRequestBytes(r) as Uint8Array<ArrayBuffer>;
  const signature = normalizeLowS(
    new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, privateKey, bytes)),
  );
  return { [DEVICE_TIME_HEADER]: String(r.timeMs), [DEVICE_SIGNATURE_HEADER]: toBase64Url(signature) };
}

/** Parses the signature header (base64url r‖s); null when absent or not 64 bytes. */
export function parseDeviceSignature(header: string | undefined): Uint8Array | null {
  if (!header || header.length > 100) return null;
  try {
    const sig = fromBase64Url(header);
    return sig.length === 64 ? sig : null;
  } catch {
    return null;
  }
}
