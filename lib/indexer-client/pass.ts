/** Pass delegation calls (`/pass/*`): a fan's wallet delegates this device's pass key for one event. */
import type { DelegationRequest } from "../pass/delegation-message";
import type { z } from "zod";
import { delegationRequestSchema, delegationSchema } from "./call-schemas";
import { postIndexerJson, type PostJsonOptions } from "./post-json";

export type Delegation = z.output<typeof delegationSchema>;

/**
 * `POST /pass/nonce`: the server's terms for a new pass delegation.
 *
 * @example
 * const request = await requestDelegation(base, contract, location.host);
 */
export function requestDelegation(
  indexerUrl: string,
  contract: string,
  domain: string,
  o?: PostJsonOptions,
): Promise<DelegationRequest> {
  return postIndexerJson(indexerUrl, "/pass/nonce", { contract, domain }, delegationRequestSchema, o);
}

/**
 * `POST /pass/delegations`: registers the wallet-signed delegation of this device's key, with the device key's
 * own signature of the message (`signDelegationProof`): the server refuses a key this phone cannot sign with.
 */
export function submitDelegation(
  indexerUrl: string,
  message: string,
  signature: string,
  deviceSignature: string,
  o?: PostJsonOptions,
): Promise<Delegation> {
  return postIndexerJson(indexerUrl, "/pass/delegations", { message, signature, deviceSignature }, delegationSchema, o);
}
