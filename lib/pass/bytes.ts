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

/** base64url without padding (RFC 4648 §5). */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i++) bin += String.fromCharCode(bytes[i]!);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
/** Character code → 6-bit value, or -1: a table, because this runs on every scan at the gate. */
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SEXTET[ALPHABET.charCodeAt(i)] = i;

const sextet = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  const v = c < 128 ? SEXTET[c]! : -1;
  if (v < 0) throw new PassFormatError("not base64url");
  return v;
};

/** Inverse of {@link toBase64Url}; strict: no padding, no other alphabet, no impossible lengths. */
export function fromBase64Url(text: string): Uint8Array {
  const rest = text.length % 4;
  if (rest === 1) throw new PassFormatError("not base64url");
  const out = new Uint8Array(((text.length - rest) / 4) * 3 + (rest === 0 ? 0 : rest - 1));
  let o = 0;
  let i = 0;
  for (; i + 4 <= text.length; i += 4) {
    const n = (sextet(text, i) << 18) | (sextet(text, i + 1) << 12) | (sextet(text, i + 2) << 6) | sextet(text, i + 3);
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 0xff;
    out[o++] = n & 0xff;
  }
  if (rest > 0) {
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = rest === 3 ? sextet(text, i + 2) : 0;
    // Non-canonical trailing bits would give two texts for one pass.
    if ((rest === 2 ? b & 0x0f : c & 0x03) !== 0) throw new PassFormatError("non-canonical base64url");
    out[o++] = (a << 2) | (b >> 4);
    if (rest === 3) out[o++] = ((b & 0x0f) << 4) | (c >> 2);
  }
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
