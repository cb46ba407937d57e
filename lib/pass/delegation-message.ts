/**
 * The SIWE (EIP-4361) message by which a fan's wallet delegates a device key for one event
 * until an expiry. Built with viem on the phone; the gate parses it strictly with `siwe`.
 *
 * Resources: the event as a CAIP-19 collection id (`eip155:<chain>/erc721:<contract>`) and
 * the key as `urn:fairgate:pass-key:p256:<base64url raw public key>`.
 */
import { getAddress, type Address } from "viem";
import { buildSiweChallengeMessage, eventResource, type SiweChallenge } from "../siwe/challenge-message";
import { fromBase64Url } from "./bytes";
import { assertRawPublicKey } from "./p256";

/**
 * What `POST /pass/nonce` answers: everything the phone needs besides the key and holder.
 * `expiresAt` is the latest expiry the server accepts; the phone may choose an earlier one.
 */
export type DelegationRequest = SiweChallenge & { contract: Address };

const KEY_URN = "urn:fairgate:pass-key:p256:";

export function passKeyResource(publicKeyBase64Url: string): string {
  return `${KEY_URN}${publicKeyBase64Url}`;
}

/**
 * @example
 * const message = buildDelegationMessage(request, account.address, await exportDevicePublicKey(keys.publicKey));
 * const signature = await walletClient.signMessage({ account, message });
 * await fetch(`${indexer}/pass/delegations`, { method: "POST", body: JSON.stringify({ message, signature }) });
 */
export function buildDelegationMessage(
  request: DelegationRequest,
  holder: Address,
  publicKeyBase64Url: string,
): string {
  assertRawPublicKey(fromBase64Url(publicKeyBase64Url));
  return buildSiweChallengeMessage(
    request,
    holder,
    `Show my tickets for this event as passes on this device until ${request.expiresAt}.`,
    [eventResource(request.chainId, request.contract), passKeyResource(publicKeyBase64Url)],
  );
}

const eventPattern = /^eip155:(\d{1,12})\/erc721:(0x[0-9a-fA-F]{40})$/;

/** Reads the event and key out of a delegation's resources; `null` unless there is exactly one of each. */
export function parseDelegationResources(
  resources: readonly string[],
): { chainId: number; contract: Address; publicKey: string } | null {
  const events = resources.map((r) => eventPattern.exec(r)).filter((m) => m !== null);
  const keys = resources.filter((r) => r.startsWith(KEY_URN)).map((r) => r.slice(KEY_URN.length));
  if (events.length !== 1 || keys.length !== 1) return null;
  try {
    assertRawPublicKey(fromBase64Url(keys[0]!));
  } catch {
    return null;
  }
  return { chainId: Number(events[0]![1]), contract: getAddress(events[0]![2]!), publicKey: keys[0]! };
}
