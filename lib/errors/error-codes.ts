/**
 * The one registry of error codes: each code's HTTP status and default words, shared by the server (which answers
 * `{ error: { code, message, …details } }` with that status) and the clients (which throw the same code back).
 * Gate reason codes are listed in lib/gate/reasons.ts (stable from contract to screen, words for the door); here they
 * only get the status they answer with when a sign-in or delegation refuses (a scan's DENY is a 200 verdict, not an
 * error). A screen may word a code for its audience (lib/onsale/errors.ts for the waiting room); the status never varies.
 */
import { DenyReason, denyReasonText } from "../gate/reasons";

export type ErrorCodeSpec = { readonly status: number; readonly words: string };

/** Every code that is not a gate reason. Adding a route's refusal: add its code here, once. */
export const errorCodes = {
  // Any request
  BAD_REQUEST: { status: 400, words: "The request was not understood." },
  INVALID_ADDRESS: { status: 400, words: "That is not a valid address." },
  INVALID_JSON: { status: 400, words: "The request body is not valid JSON." },
  INVALID_REFERENCE: { status: 400, words: "That is not a ticket reference, link or pass." },
  UNAUTHORIZED: { status: 401, words: "Sign in first." },
  FORBIDDEN: { status: 403, words: "This session may not do that." },
  NOT_FOUND: { status: 404, words: "Not found." },
  UNKNOWN_EVENT: { status: 404, words: "There is no such event." },
  PAYLOAD_TOO_LARGE: { status: 413, words: "The request is too large." },
  TOO_MANY_STREAMS: { status: 429, words: "Too many live pages are open from your network. Close some tabs." },
  INTERNAL: { status: 500, words: "Something went wrong on our side. Try again in a minute." },
  BUSY: { status: 503, words: "The server is very busy. Try again in a moment." },
  // On-sale waiting room
  UNKNOWN_SALE: { status: 404, words: "There is no such sale." },
  SALE_EXISTS: { status: 409, words: "A sale with this id already exists." },
  SIGNER_MISMATCH: { status: 400, words: "The event's voucher signer is not this service's signer key." },
  POW_REQUIRED: {
    status: 400,
    words: "This sale asks your browser to solve a small puzzle first. Reload the page and try again.",
  },
  POW_INVALID: { status: 400, words: "The puzzle answer was wrong or already used. Reload the page and try again." },
  NOT_ADMITTED: { status: 409, words: "It is not your turn yet. Keep this page open; it updates by itself." },
  ADMISSION_EXPIRED: { status: 410, words: "Your turn has passed: the time to get your voucher ran out." },
  NONCE_INVALID: { status: 401, words: "The sign-in request expired or was already used. Sign in again." },
  WALLET_IN_USE: { status: 409, words: "This wallet already holds another place in this queue." },
  NOT_SIGNED_IN: { status: 400, words: "Sign in with your wallet first." },
  IDENTITY_INVALID: { status: 400, words: "That ID number is not valid." },
  IDENTITY_REJECTED: { status: 400, words: "Your identity could not be verified." },
  IDENTITY_CAP_REACHED: {
    status: 409,
    words: "This ID number already has the most tickets allowed for this sale (possibly from another wallet).",
  },
  WALLET_CAP_REACHED: { status: 409, words: "This wallet already has the most tickets allowed for this sale." },
  NOT_HOLDER: {
    status: 403,
    words: "Only the ticket's holder can bind an identity to it: sign with the wallet that holds it.",
  },
  QUANTITY_INVALID: { status: 400, words: "Ask for at least one ticket and no more than the limit per person." },
  SOLD_OUT: { status: 410, words: "Sold out." },
  SIGNER_UNAVAILABLE: { status: 503, words: "Vouchers cannot be signed right now. Try again in a minute." },
  CHAIN_UNAVAILABLE: { status: 503, words: "The chain could not be reached. Try again in a minute." },
  // Seats and venue layouts
  SEATS_TAKEN: { status: 409, words: "Some of the chosen seats are held by someone else." },
  HOLD_LIMIT: { status: 429, words: "You hold as many seats as one wallet may." },
  CLIENT_HOLD_LIMIT: { status: 429, words: "Too many seats are held from your network address." },
  EVENT_HOLD_LIMIT: {
    status: 429,
    words: "Too many seats of this event are held right now. Try again in a few minutes.",
  },
  SEAT_NOT_IN_LAYOUT: { status: 400, words: "Those seats are not in this event's layout." },
  NO_LAYOUT: { status: 404, words: "This event has no seat map." },
  BAD_LAYOUT: { status: 400, words: "The venue layout has problems." },
  LAYOUT_CONFLICT: { status: 409, words: "The venue layout does not fit what the chain already sold." },
  // Event content (organizer-signed)
  NOT_ORGANIZER: {
    status: 403,
    words: "Only a wallet that administers this event can change what it says about itself.",
  },
  STALE_VERSION: {
    status: 409,
    words: "A newer version of this event's details is already saved. Reload and edit that one.",
  },
  // Raised by the clients, never sent by the server: no answer, an answer that is not what was asked, an error
  // status without a code of this registry (a proxy's page).
  INDEXER_UNREACHABLE: { status: 503, words: "Cannot reach the Fairgate server. Check the connection." },
  INDEXER_BAD_RESPONSE: { status: 502, words: "The server sent something this app does not understand." },
  INDEXER_HTTP_ERROR: { status: 502, words: "The server could not answer." },
} as const satisfies Record<string, ErrorCodeSpec>;

/** A gate reason's status when it refuses a request that is not a scan; every other reason is 400. */
const gateReasonStatus: Partial<Record<DenyReason, number>> = {
  GATE_UNAUTHORIZED: 401,
  BAD_SIGNATURE: 401,
  DEVICE_PROOF_INVALID: 401,
  CHALLENGE_USED: 409,
  RATE_LIMITED: 429,
  INDEXER_STALE: 503,
};

export type ErrorCode = keyof typeof errorCodes | DenyReason;

/** Code → status and words, gate reasons included. */
export const ERROR_CODES: Readonly<Record<ErrorCode, ErrorCodeSpec>> = {
  ...(Object.fromEntries(
    Object.values(DenyReason).map((r) => [r, { status: gateReasonStatus[r] ?? 400, words: denyReasonText[r] }]),
  ) as Record<DenyReason, ErrorCodeSpec>),
  ...errorCodes,
};

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && Object.hasOwn(ERROR_CODES, code);
}

/** The registry's entry; a code this build does not know (a newer server's) is a 500 with generic words. */
export function errorCodeSpec(code: string): ErrorCodeSpec {
  return isErrorCode(code) ? ERROR_CODES[code] : { status: 500, words: ERROR_CODES.INTERNAL.words };
}
