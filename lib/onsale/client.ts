/**
 * Typed calls to the waiting room API, for the app and the simulation. Every non-2xx answer
 * becomes an `OnsaleApiError` carrying the server's stable code.
 */
import type { Hex } from "viem";
import { onsaleErrorText, type OnsaleErrorBody, type OnsaleErrorCode } from "./errors";
import type { OnsaleSignInChallenge } from "./sign-in-message";
import type { BindingChallenge, BindingRequest, BindingSignature } from "../identity/identity-binding";
import type {
  CreateSaleInput,
  OnsaleEntryStatus,
  OnsaleInfo,
  OnsaleIssuedVoucher,
  OnsaleJoinResult,
  OnsalePowChallenge,
  OnsaleSale,
  OnsaleVoucherRequest,
} from "./types";

export class OnsaleApiError extends Error {
  override name = "OnsaleApiError";
  constructor(
    readonly status: number,
    readonly code: OnsaleErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export type OnsaleClientOptions = { fetch?: typeof fetch; headers?: Record<string, string> };

async function call<T>(
  base: string,
  path: string,
  init: RequestInit & { token?: string },
  opts: OnsaleClientOptions,
): Promise<T> {
  const headers: Record<string, string> = {
    ...opts.headers,
    ...(init.body ? { "content-type": "application/json" } : {}),
  };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await (opts.fetch ?? fetch)(`${base}/onsale${path}`, { ...init, headers });
  const body = (await res.json().catch(() => null)) as unknown;
  if (!res.ok) {
    const err = (body as Partial<OnsaleErrorBody> | null)?.error;
    const code = err && err.code in onsaleErrorText ? err.code : "BAD_REQUEST";
    throw new OnsaleApiError(res.status, code, err?.message ?? `HTTP ${res.status}`);
  }
  return body as T;
}

export const getOnsaleInfo = (base: string, o: OnsaleClientOptions = {}) => call<OnsaleInfo>(base, "/info", {}, o);

/** The sales of one event (organizer screens). */
export const listSales = (base: string, contract: string, o: OnsaleClientOptions = {}) =>
  call<{ sales: OnsaleSale[] }>(base, `/sales?contract=${encodeURIComponent(contract)}`, {}, o);

/** Opens a sale: `token` is the event organizer's session (or the operator's ONSALE_ADMIN_TOKEN). */
export const createSale = (base: string, token: string, input: CreateSaleInput, o: OnsaleClientOptions = {}) =>
  call<OnsaleSale>(base, "/sales", { method: "POST", token, body: JSON.stringify(input) }, o);

export const getSale = (base: string, saleId: string, o: OnsaleClientOptions = {}) =>
  call<OnsaleSale>(base, `/sales/${encodeURIComponent(saleId)}`, {}, o);

export const getPowChallenge = (base: string, saleId: string, o: OnsaleClientOptions = {}) =>
  call<OnsalePowChallenge>(base, `/sales/${encodeURIComponent(saleId)}/pow`, { method: "POST", body: "{}" }, o);

/** Join the queue; keep `token` (e.g. sessionStorage): it is your place. */
export const joinQueue = (
  base: string,
  saleId: string,
  pow: { challenge: string; nonce: string } | undefined,
  o: OnsaleClientOptions = {},
) =>
  call<OnsaleJoinResult>(
    base,
    `/sales/${encodeURIComponent(saleId)}/join`,
    { method: "POST", body: JSON.stringify(pow ? { pow } : {}) },
    o,
  );

export const getEntryStatus = (base: string, token: string, o: OnsaleClientOptions = {}) =>
  call<OnsaleEntryStatus>(base, "/entry", { token }, o);

export const onsaleSignInNonce = (base: string, token: string, domain?: string, o: OnsaleClientOptions = {}) =>
  call<OnsaleSignInChallenge>(
    base,
    "/entry/sign-in/nonce",
    { method: "POST", token, body: JSON.stringify(domain ? { domain } : {}) },
    o,
  );

export const onsaleSignIn = (
  base: string,
  token: string,
  body: { message: string; signature: Hex },
  o: OnsaleClientOptions = {},
) => call<OnsaleEntryStatus>(base, "/entry/sign-in", { method: "POST", token, body: JSON.stringify(body) }, o);

export const requestVoucher = (base: string, token: string, body: OnsaleVoucherRequest, o: OnsaleClientOptions = {}) =>
  call<OnsaleIssuedVoucher>(base, "/entry/voucher", { method: "POST", token, body: JSON.stringify(body) }, o);

/** A single-use sign-in for one ticket's identity binding; the holder signs `buildBindingSignInMessage` over it. */
export const requestBindingNonce = (
  base: string,
  body: { contract: string; tokenId: string; domain?: string },
  o: OnsaleClientOptions = {},
) => call<BindingChallenge>(base, "/bindings/nonce", { method: "POST", body: JSON.stringify(body) }, o);

/** The identity service attests a binding of the signed-in holder's ID to its ticket (`EventTicket.bindIdentity`). */
export const requestIdentityBinding = (base: string, body: BindingRequest, o: OnsaleClientOptions = {}) =>
  call<BindingSignature>(base, "/bindings", { method: "POST", body: JSON.stringify(body) }, o);

/** URL of the live status stream (Server-Sent Events, event name `status`) for `new EventSource(url)`. */
export function entryStreamUrl(base: string, token: string): string {
  return `${base}/onsale/entry/stream?token=${encodeURIComponent(token)}`;
}

/**
 * Browser helper: calls `onStatus` with every status the server pushes; returns a stop function.
 *
 * @example
 * const stop = watchEntryStatus(base, token, (s) => setStatus(s));
 */
export function watchEntryStatus(
  base: string,
  token: string,
  onStatus: (s: OnsaleEntryStatus) => void,
  onError?: (e: Event) => void,
): () => void {
  const source = new EventSource(entryStreamUrl(base, token));
  source.addEventListener("status", (e) => onStatus(JSON.parse((e as MessageEvent<string>).data) as OnsaleEntryStatus));
  if (onError) source.onerror = onError;
  return () => source.close();
}
