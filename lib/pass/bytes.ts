/** Byte helpers for the pass format: base64url and unsigned LEB128 varints. Browser- and Node-safe. */

/** Thrown by every decoder in lib/pass for input that is not a well-formed pass or key. */
export class PassFormatError extends Error {
  override name = "PassFormatError";
  constructor(
    message: string,
    /** `WRONG_VERSION` when the bytes are a pass of a version this code does not speak. */
    readonly code: "MALFORMED" | "WRONG_VERSION" = "MALFORMED",
  ) {
    super(message);
  }
}

const B64URL = /^[A-Za-z0-9_-]*$/;

/** base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Inverse of {@link toBase64Url}; strict: no padding, no other alphabet, no impossible lengths. */
export function fromBase64Url(text: string): Uint8Array {
  if (!B64URL.test(text) || text.length % 4 === 1) throw new PassFormatError("not base64url");
  const bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  // Non-canonical trailing bits would give two texts for one pass.
  if (toBase64Url(out) !== text) throw new PassFormatError("non-canonical base64url");
  return out;
}

/** Unsigned LEB128 of a non-negative bigint. */
export function writeVarint(value: bigint, out: number[]): void {
  if (value < 0n) throw new RangeError("varint must be non-negative");
  let v = value;
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v === 0n ? byte : byte | 0x80);
  } while (v !== 0n);
}

/** Reads a canonical (minimal) varint of at most `maxBytes` bytes at `offset`. */
export function readVarint(bytes: Uint8Array, offset: number, maxBytes: number): { value: bigint; next: number } {
  let value = 0n;
  let shift = 0n;
  for (let i = 0; i < maxBytes; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) throw new PassFormatError("truncated varint");
    value |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
    if ((byte & 0x80) === 0) {
      if (byte === 0 && i > 0) throw new PassFormatError("non-minimal varint");
      return { value, next: offset + i + 1 };
    }
  }
  throw new PassFormatError("varint too long");
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function hexToBytes(hex: string): Uint8Array {
  const h = hex.startsWith("0x") ? hex.slice(2) : hex;
  if (!/^([0-9a-fA-F]{2})*$/.test(h)) throw new PassFormatError("not hex");
  const out = new Uint8Array(h.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(h.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function bytesToHex(bytes: Uint8Array): `0x${string}` {
  let s = "0x";
  for (let i = 0; i < bytes.length; i++) s += bytes[i]!.toString(16).padStart(2, "0");
  return s as `0x${string}`;
}
