import type { DelegationRequest } from "../../lib/pass";
import { postIndexerJson } from "./post-json";

export type Delegation = { contract: `0x${string}`; keyId: string; holder: `0x${string}`; expiresAt: string };

/** `POST /pass/nonce`: the server's terms for a new pass delegation. */
export function requestDelegation(indexerUrl: string, contract: string, domain: string): Promise<DelegationRequest> {
  return postIndexerJson<DelegationRequest>(indexerUrl, "/pass/nonce", { contract, domain });
}

/** `POST /pass/delegations`: registers the wallet-signed delegation of this device's key. */
export function submitDelegation(indexerUrl: string, message: string, signature: string): Promise<Delegation> {
  return postIndexerJson<Delegation>(indexerUrl, "/pass/delegations", { message, signature });
}
