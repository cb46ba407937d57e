/** Pass delegation calls (`/pass/*`): a fan's wallet delegates this device's pass key for one event. */
import type { DelegationRequest } from "../pass/delegation-message";
import { postIndexerJson, type PostJsonOptions } from "./post-json";

export type Delegation = { contract: `0x${string}`; keyId: string; holder: `0x${string}`; expiresAt: string };

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
  return postIndexerJson<DelegationRequest>(indexerUrl, "/pass/nonce", { contract, domain }, o);
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
  return postIndexerJson<Delegation>(indexerUrl, "/pass/delegations", { message, signature, deviceSignature }, o);
}
