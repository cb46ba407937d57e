/**
 * P-256 (ECDSA, SHA-256) details shared by the phone (WebCrypto) and the gate (node:crypto):
 * raw public keys, SPKI wrapping, and the low-s rule that makes each signature's encoding unique.
 */
import { PassFormatError, concatBytes } from "./bytes";

/** Order of the P-256 group. */
export const P256_N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const HALF_N = P256_N >> 1n;

/** Uncompressed point (0x04 ‖ X ‖ Y): what WebCrypto's `exportKey("raw", publicKey)` gives. */
export const RAW_PUBLIC_KEY_BYTES = 65;
/** r ‖ s, 32 bytes each: WebCrypto's ECDSA signature format (node: `dsaEncoding: "ieee-p1363"`). */
export const SIGNATURE_BYTES = 64;

/** DER header of a SubjectPublicKeyInfo for an uncompressed P-256 point (id-ecPublicKey, prime256v1). */
const SPKI_PREFIX = new Uint8Array([
  0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce,
  0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
]);

/** Checks the shape of a raw public key (the curve check is the verifier's `createPublicKey`). */
export function assertRawPublicKey(raw: Uint8Array): void {
  if (raw.length !== RAW_PUBLIC_KEY_BYTES || raw[0] !== 0x04) {
    throw new PassFormatError(`device key must be a ${RAW_PUBLIC_KEY_BYTES}-byte uncompressed P-256 point`);
  }
}

/** The SPKI DER form of a raw public key (for node:crypto `createPublicKey({ format: "der", type: "spki" })`). */
export function rawPublicKeyToSpki(raw: Uint8Array): Uint8Array {
  assertRawPublicKey(raw);
  return concatBytes(SPKI_PREFIX, raw);
}

function toBig(bytes: Uint8Array): bigint {
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return v;
}

function to32(v: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 31; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

const HALF_N_BYTES = to32(HALF_N);

/**
 * True when 0 < s ≤ n/2: the only form the gate accepts (s and n − s both verify; one is refused).
 * Compared byte by byte (big-endian), not through a bigint: it runs on every scan.
 */
export function isLowS(signature: Uint8Array): boolean {
  if (signature.length !== SIGNATURE_BYTES) return false;
  let i = 0;
  while (i < 32 && signature[32 + i] === HALF_N_BYTES[i]) i++;
  if (i < 32 && signature[32 + i]! > HALF_N_BYTES[i]!) return false;
  for (let j = 32; j < SIGNATURE_BYTES; j++) if (signature[j] !== 0) return true;
  return false; // s = 0
}

/** WebCrypto signs with either s; this maps (r, s) to (r, min(s, n − s)). */
export function normalizeLowS(signature: Uint8Array): Uint8Array {
  if (signature.length !== SIGNATURE_BYTES) throw new PassFormatError(`signature must be ${SIGNATURE_BYTES} bytes`);
  const s = toBig(signature.subarray(32));
  if (s <= HALF_N) return signature;
  return concatBytes(signature.subarray(0, 32), to32(P256_N - s));
}

/** The other valid encoding of the same signature, (r, n − s). For malleability tests. */
export function flipS(signature: Uint8Array): Uint8Array {
  return concatBytes(signature.subarray(0, 32), to32(P256_N - toBig(signature.subarray(32))));
}
