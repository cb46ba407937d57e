/**
 * Typed calls to the waiting room API, for the app and the simulation, through the one request core
 * (lib/indexer-client/request-json.ts): a timeout, every answer checked against its schema, and every refusal an
 * `OnsaleApiError` (the client error class, lib/indexer-client/errors.ts) carrying the server's stable code.
 */
import type { Hex } from "viem";
import type { z } from "zod";
import { IndexerClientError } from "../indexer-client/errors";
import { requestJson } from "../indexer-client/request-json";
import type { BindingRequest } from "../identity/identity-binding";
import {
  bindingChallengeSchema,
  bindingSignatureSchema,
  onsaleEntryStatusSchema,
  onsaleInfoSchema,
  onsaleIssuedVoucherSchema,
  onsaleJoinResultSchema,
  onsalePowChallengeSchema,
  onsaleSaleSchema,
  onsaleSalesSchema,
  onsaleSignInChallengeSchema,
} from "./response-schemas";
import type { CreateSaleInput, OnsaleEntryStatus, OnsaleVoucherRequest } from "./types";

/** A refused or failed waiting-room call: the client error class, its `code` the server's (lib/onsale/errors.ts). */
export const OnsaleApiError = IndexerClientError;
export type OnsaleApiError = IndexerClientError;

export type OnsaleClientOptions = { fetch?: typeof fetch; headers?: Record<string, string>; timeoutMs?: number };

function call<S extends z.ZodType>(
  base: string,
  path: string,
  schema: S,
  init: { method?: "POST"; body?: string; token?: string },
  opts: OnsaleClientOptions,
): Promise<z.output<S>> {
  return requestJson(`${base}/onsale${path}`, schema, {
    ...(init.method ? { method: init.method } : {}),
    body: init.body,
    headers: { ...opts.headers, ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.timeoutMs ? { timeoutMs: opts.timeoutMs } : {}),
  });
}

export const getOnsaleInfo = (base: string, o: OnsaleClientOptions = {}) =>
  call(base, "/info", onsaleInfoSchema, {}, o);

/** The sales of one event (organizer screens). */
export const listSales = (base: string, contract: string, o: OnsaleClientOptions = {}) =>
  call(base, `/sales?contract=${encodeURIComponent(contract)}`, onsaleSalesSchema, {}, o);

/** Opens a sale: `token` is the event organizer's session (or the operator's ONSALE_ADMIN_TOKEN). */
export const createSale = (base: string, token: string, input: CreateSaleInput, o: OnsaleClientOptions = {}) =>
  call(base, "/sales", onsaleSaleSchema, { method: "POST", token, body: JSON.stringify(input) }, o);

export const getSale = (base: string, saleId: string, o: OnsaleClientOptions = {}) =>
  call(base, `/sales/${encodeURIComponent(saleId)}`, onsaleSaleSchema, {}, o);

export const getPowChallenge = (base: string, saleId: string, o: OnsaleClientOptions = {}) =>
  call(base, `/sales/${encodeURIComponent(saleId)}/pow`, onsalePowChallengeSchema, { method: "POST", body: "{}" }, o);

/** Join the queue; keep `token` (e.g. sessionStorage): it is your place. */
export const joinQueue = (
  base: string,
  saleId: string,
  pow: { challenge: string; nonce: string } | undefined,
  o: OnsaleClientOptions = {},
) =>
  call(
    base,
    `/sales/${encodeURIComponent(saleId)}/join`,
    onsaleJoinResultSchema,
    { method: "POST", body: JSON.stringify(pow ? { pow } : {}) },
    o,
  );

export const getEntryStatus = (base: string, token: string, o: OnsaleClientOptions = {}) =>
  call(base, "/entry", onsaleEntryStatusSchema, { token }, o);

export const onsaleSignInNonce = (base: string, token: string, domain?: string, o: OnsaleClientOptions = {}) =>
  call(
    base,
    "/entry/sign-in/nonce",
    onsaleSignInChallengeSchema,
    { method: "POST", token, body: JSON.stringify(domain ? { domain } : {}) },
    o,
  );

export const onsaleSignIn = (
  base: string,
  token: string,
  body: { message: string; signature: Hex },
  o: OnsaleClientOptions = {},
) => call(base, "/entry/sign-in", onsaleEntryStatusSchema, { method: "POST", token, body: JSON.stringify(body) }, o);

export const requestVoucher = (base: string, token: string, body: OnsaleVoucherRequest, o: OnsaleClientOptions = {}) =>
  call(base, "/entry/voucher", onsaleIssuedVoucherSchema, { method: "POST", token, body: JSON.stringify(body) }, o);

/** A single-use sign-in for one ticket's identity binding; the holder signs `buildBindingSignInMessage` over it. */
export const requestBindingNonce = (
  base: string,
  body: { contract: string; tokenId: string; domain?: string },
  o: OnsaleClientOptions = {},
) => call(base, "/bindings/nonce", bindingChallengeSchema, { method: "POST", body: JSON.stringify(body) }, o);

/** The identity service attests a binding of the signed-in holder's ID to its ticket (`EventTicket.bindIdentity`). */
export const requestIdentityBinding = (base: string, body: BindingRequest, o: OnsaleClientOptions = {}) =>
  call(base, "/bindings", bindingSignatureSchema, { method: "POST", body: JSON.stringify(body) }, o);

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
  source.addEventListener("status", (e) => {
    // A frame that is not a status (a newer or broken server) is skipped; the next one or a poll catches up.
    const parsed = onsaleEntryStatusSchema.safeParse(parseJson((e as MessageEvent<string>).data));
    if (parsed.success) onStatus(parsed.data);
  });
  if (onError) source.onerror = onError;
  return () => source.close();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
