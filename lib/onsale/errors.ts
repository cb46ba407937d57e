/**
 * Stable codes for every refusal of the waiting room, shared by the server, the app and tests.
 * Each has a sentence a person can act on; the server may add detail in `message`.
 */
export const onsaleErrorText = {
  BAD_REQUEST: "The request was not understood.",
  UNKNOWN_SALE: "There is no such sale.",
  SALE_EXISTS: "A sale with this id already exists.",
  SIGNER_MISMATCH: "The event's voucher signer is not this service's signer key.",
  UNAUTHORIZED: "Your queue ticket is missing or unknown. Join the queue again from the sale page.",
  RATE_LIMITED: "Too many requests. Wait a few seconds and try again.",
  TOO_MANY_STREAMS:
    "Too many waiting-room pages are open from your network. Close some tabs; this one still updates every few seconds.",
  BUSY: "The waiting room is very busy. This page still updates every few seconds.",
  POW_REQUIRED: "This sale asks your browser to solve a small puzzle first. Reload the page and try again.",
  POW_INVALID: "The puzzle answer was wrong or already used. Reload the page and try again.",
  NOT_ADMITTED: "It is not your turn yet. Keep this page open; it updates by itself.",
  ADMISSION_EXPIRED: "Your turn has passed: the time to get your voucher ran out.",
  MALFORMED: "The signed message is not a valid Sign-In with Ethereum message.",
  WRONG_DOMAIN: "The signed message names another website.",
  WRONG_CHAIN: "The signed message is for another chain.",
  NONCE_INVALID: "The sign-in request expired or was already used. Sign in again.",
  BAD_SIGNATURE: "The signature does not belong to the wallet in the message.",
  WALLET_IN_USE: "This wallet already holds another place in this queue.",
  NOT_SIGNED_IN: "Sign in with your wallet first.",
  IDENTITY_REQUIRED: "This is a real-name sale: enter your ID number.",
  IDENTITY_INVALID: "That ID number is not valid.",
  IDENTITY_REJECTED: "Your identity could not be verified.",
  IDENTITY_CAP_REACHED:
    "This ID number already has the most tickets allowed for this sale (possibly from another wallet).",
  WALLET_CAP_REACHED: "This wallet already has the most tickets allowed for this sale.",
  NOT_HOLDER: "Only the ticket's holder can bind an identity to it: sign with the wallet that holds it.",
  QUANTITY_INVALID: "Ask for at least one ticket and no more than the limit per person.",
  SOLD_OUT: "Sold out.",
  SIGNER_UNAVAILABLE: "Vouchers cannot be signed right now. Try again in a minute.",
  CHAIN_UNAVAILABLE: "The chain could not be reached. Try again in a minute.",
  INTERNAL: "Something went wrong on our side. Try again in a minute.",
} as const;

export type OnsaleErrorCode = keyof typeof onsaleErrorText;

/** Every error response of `/onsale/*`. */
export type OnsaleErrorBody = { error: { code: OnsaleErrorCode; message: string } };
