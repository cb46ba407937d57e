/**
 * The rotating pass: a compact binary payload, base64url in the QR.
 *
 * ```
 * version   1 byte        PASS_VERSION
 * chainId   varint        ≤ 5 bytes
 * contract  20 bytes      the event's EventTicket
 * tokenId   varint        ≤ 37 bytes (1 for ids < 128, 2 below 16384)
 * slot      varint        ≤ 5 bytes, see slot.ts
 * keyId     8 bytes       first 8 bytes of SHA-256(raw device public key): which delegation
 * signature 64 bytes      P-256 ECDSA r ‖ s (low-s) over passSigningBytes(fields)
 * ```
 * A typical pass is 101 bytes (136 base64url characters).
 */
import { getAddress, type Address } from "viem";
import {
  PassFormatError,
  bytesToHex,
  concatBytes,
  fromBase64Url,
  hexToBytes,
  readVarint,
  toBase64Url,
  writeVarint,
} from "./bytes";
import { SIGNATURE_BYTES } from "./p256";

export const PASS_VERSION = 1;
export const KEY_ID_BYTES = 8;
/** Longest possible pass text; anything longer is refused before decoding. */
export const MAX_PASS_TEXT = 256;

/** Domain separation: a device-key signature over these bytes means nothing anywhere else. */
const SIGNING_TAG = new TextEncoder().encode("fairgate-pass\0");

export type PassFields = {
  chainId: number;
  contract: Address;
  tokenId: bigint;
  slot: number;
  /** 8 bytes identifying the device key (see `keyIdOf`). */
  keyId: Uint8Array;
};

export type DecodedPass = PassFields & {
  version: number;
  signature: Uint8Array;
  /** The exact bytes the device key signed. */
  signedBytes: Uint8Array;
};

function header(fields: PassFields, version = PASS_VERSION): Uint8Array {
  if (!Number.isSafeInteger(fields.chainId) || fields.chainId < 1 || fields.chainId > 0xffffffff)
    throw new RangeError("chainId out of range");
  if (!Number.isSafeInteger(fields.slot) || fields.slot < 0 || fields.slot > 0xffffffff)
    throw new RangeError("slot out of range");
  if (fields.tokenId < 0n || fields.tokenId >= 2n ** 256n) throw new RangeError("tokenId out of range");
  if (fields.keyId.length !== KEY_ID_BYTES) throw new RangeError(`keyId must be ${KEY_ID_BYTES} bytes`);
  const out: number[] = [version];
  writeVarint(BigInt(fields.chainId), out);
  out.push(...hexToBytes(fields.contract));
  writeVarint(fields.tokenId, out);
  writeVarint(BigInt(fields.slot), out);
  out.push(...fields.keyId);
  return Uint8Array.from(out);
}

/** What the device key signs for these fields. */
export function passSigningBytes(fields: PassFields): Uint8Array {
  return concatBytes(SIGNING_TAG, header(fields));
}

/** The QR text for signed fields. */
export function encodePass(fields: PassFields, signature: Uint8Array): string {
  if (signature.length !== SIGNATURE_BYTES) throw new RangeError(`signature must be ${SIGNATURE_BYTES} bytes`);
  return toBase64Url(concatBytes(header(fields), signature));
}

/**
 * Parses QR text. Throws {@link PassFormatError} (`code` MALFORMED or WRONG_VERSION); never
 * anything else, whatever the input. Does not check the signature.
 *
 * @example
 * const pass = decodePass(qrText);
 * verify("sha256", pass.signedBytes, { key, dsaEncoding: "ieee-p1363" }, pass.signature);
 */
export function decodePass(text: string): DecodedPass {
  if (typeof text !== "string" || text.length === 0 || text.length > MAX_PASS_TEXT) {
    throw new PassFormatError(`pass must be 1-${MAX_PASS_TEXT} characters`);
  }
  const bytes = fromBase64Url(text);
  const version = bytes[0];
  if (version === undefined) throw new PassFormatError("empty pass");
  if (version !== PASS_VERSION) throw new PassFormatError(`pass version ${version} is not supported`, "WRONG_VERSION");
  const chain = readVarint(bytes, 1, 5);
  if (chain.value < 1n || chain.value > 0xffffffffn) throw new PassFormatError("chain id out of range");
  let at = chain.next;
  if (bytes.length < at + 20) throw new PassFormatError("truncated contract");
  const contract = getAddress(bytesToHex(bytes.subarray(at, at + 20)));
  at += 20;
  const token = readVarint(bytes, at, 37);
  if (token.value >= 2n ** 256n) throw new PassFormatError("token id out of range");
  const slot = readVarint(bytes, token.next, 5);
  if (slot.value > 0xffffffffn) throw new PassFormatError("slot out of range");
  at = slot.next;
  if (bytes.length !== at + KEY_ID_BYTES + SIGNATURE_BYTES) {
    throw new PassFormatError(
      `pass has ${bytes.length - at} bytes after the slot, expected ${KEY_ID_BYTES + SIGNATURE_BYTES}`,
    );
  }
  const keyId = bytes.slice(at, at + KEY_ID_BYTES);
  const signature = bytes.slice(at + KEY_ID_BYTES);
  const headerBytes = bytes.subarray(0, at + KEY_ID_BYTES);
  return {
    version,
    chainId: Number(chain.value),
    contract,
    tokenId: token.value,
    slot: Number(slot.value),
    keyId,
    signature,
    signedBytes: concatBytes(SIGNING_TAG, headerBytes),
  };
}
