/**
 * The waiting room's refusal codes (statuses and default words in lib/errors/error-codes.ts), and the sentence a fan
 * reads for each: the registry's words, or the waiting room's own where a code shared with the gate or the API needs
 * other words for someone in the queue. The server may add detail in `message`.
 */
import { ERROR_CODES, errorCodeSpec } from "../errors/error-codes";

const onsaleCodes = [
  "BAD_REQUEST",
  "UNKNOWN_SALE",
  "SALE_EXISTS",
  "SIGNER_MISMATCH",
  "UNAUTHORIZED",
  "RATE_LIMITED",
  "TOO_MANY_STREAMS",
  "BUSY",
  "POW_REQUIRED",
  "POW_INVALID",
  "NOT_ADMITTED",
  "ADMISSION_EXPIRED",
  "MALFORMED",
  "WRONG_DOMAIN",
  "WRONG_CHAIN",
  "NONCE_INVALID",
  "BAD_SIGNATURE",
  "WALLET_IN_USE",
  "NOT_SIGNED_IN",
  "IDENTITY_REQUIRED",
  "IDENTITY_INVALID",
  "IDENTITY_REJECTED",
  "IDENTITY_CAP_REACHED",
  "WALLET_CAP_REACHED",
  "NOT_HOLDER",
  "QUANTITY_INVALID",
  "SOLD_OUT",
  "SIGNER_UNAVAILABLE",
  "CHAIN_UNAVAILABLE",
  "INTERNAL",
] as const;

export type OnsaleErrorCode = (typeof onsaleCodes)[number];

/** Where the queue says it differently from the door or the API. */
const queueWords: Partial<Record<OnsaleErrorCode, string>> = {
  UNAUTHORIZED: "Your queue ticket is missing or unknown. Join the queue again from the sale page.",
  RATE_LIMITED: "Too many requests. Wait a few seconds and try again.",
  TOO_MANY_STREAMS:
    "Too many waiting-room pages are open from your network. Close some tabs; this one still updates every few seconds.",
  BUSY: "The waiting room is very busy. This page still updates every few seconds.",
  MALFORMED: "The signed message is not a valid Sign-In with Ethereum message.",
  WRONG_DOMAIN: "The signed message names another website.",
  WRONG_CHAIN: "The signed message is for another chain.",
  BAD_SIGNATURE: "The signature does not belong to the wallet in the message.",
  IDENTITY_REQUIRED: "This is a real-name sale: enter your ID number.",
};

export const onsaleErrorText = Object.fromEntries(
  onsaleCodes.map((code) => [code, queueWords[code] ?? ERROR_CODES[code].words]),
) as Readonly<Record<OnsaleErrorCode, string>>;

export function isOnsaleErrorCode(code: string): code is OnsaleErrorCode {
  return Object.hasOwn(onsaleErrorText, code);
}

/** A fan's sentence for any code a waiting-room call failed with (a code it does not know: the registry's words). */
export function onsaleWords(code: string): string {
  return isOnsaleErrorCode(code) ? onsaleErrorText[code] : errorCodeSpec(code).words;
}

/** Every error response of `/onsale/*`. */
export type OnsaleErrorBody = { error: { code: OnsaleErrorCode; message: string } };
