/**
 * The phone's pass key, with WebCrypto (browsers and Node ≥ 20 alike). The private key is
 * created non-extractable: page scripts can sign with it (kept in IndexedDB as a CryptoKey)
 * but never read it, so a pass cannot be copied to another phone.
 */
import { toBase64Url, fromBase64Url } from "./bytes";
import { normalizeLowS, assertRawPublicKey } from "./p256";
import { KEY_ID_BYTES, encodePass, passSigningBytes, type PassFields } from "./payload";

const ALGORITHM = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGN = { name: "ECDSA", hash: "SHA-256" } as const;

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s)
    throw new Error("WebCrypto (crypto.subtle) is not available: a secure context (https or localhost) is required");
  return s;
}

/**
 * A new P-256 key pair whose private half cannot be exported.
 *
 * @example
 * const keys = await createDeviceKey();
 * await idbPut("pass-key", keys); // structured clone keeps it non-extractable
 */
export async function createDeviceKey(): Promise<CryptoKeyPair> {
  return subtle().generateKey(ALGORITHM, false, ["sign", "verify"]);
}

/** The public key as base64url of the 65-byte uncompressed point: what a delegation names. */
export async function exportDevicePublicKey(publicKey: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await subtle().exportKey("raw", publicKey)));
}

/** First 8 bytes of SHA-256 of the raw public key: carried in every pass to find the delegation. */
export async function keyIdOf(publicKeyBase64Url: string): Promise<Uint8Array> {
  const raw = fromBase64Url(publicKeyBase64Url);
  assertRawPublicKey(raw);
  const digest = new Uint8Array(await subtle().digest("SHA-256", raw as Uint8Array<ArrayBuffer>));
  return digest.slice(0, KEY_ID_BYTES);
}

/**
 * Signs one slot's pass and returns the QR text.
 *
 * @example
 * const qr = await signPass(keys.privateKey, { chainId, contract, tokenId, slot: slotAt(Date.now()), keyId });
 */
export async function signPass(privateKey: CryptoKey, fields: PassFields): Promise<string> {
  const bytes = passSigningBytes(fields) as Uint8Array<ArrayBuffer>;
  const signature = normalizeLowS(new Uint8Array(await subtle().sign(SIGN, privateKey, bytes)));
  return encodePass(fields, signature);
}
