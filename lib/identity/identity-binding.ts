/**
 * The EIP-712 `IdentityBinding` that `EventTicket.bindIdentity` checks: the identity service (the
 * event's voucher signer) attests that `identityCommitment` is a verified ID of the ticket's holder.
 * Shared by the signing service, the app and tests.
 */
import { getAddress, type Address, type Hex, type TypedDataDefinition } from "viem";
import { ticketResource } from "../gate/challenge-message";
import { buildSiweChallengeMessage, type SiweChallenge } from "../siwe/challenge-message";

export type IdentityBinding = { tokenId: bigint; holder: Address; identityCommitment: Hex };

export const identityBindingTypes = {
  IdentityBinding: [
    { name: "tokenId", type: "uint256" },
    { name: "holder", type: "address" },
    { name: "identityCommitment", type: "bytes32" },
  ],
} as const;

/**
 * What the signer signs (eth_signTypedData_v4) for `contract` on `chainId`.
 *
 * @example
 * const signature = await account.signTypedData(identityBindingTypedData(31337, event, { tokenId: 1n, holder, identityCommitment }));
 */
export function identityBindingTypedData(chainId: number, contract: Address, b: IdentityBinding) {
  return {
    domain: { name: "Fairgate EventTicket", version: "1", chainId, verifyingContract: getAddress(contract) },
    types: identityBindingTypes,
    primaryType: "IdentityBinding",
    message: { tokenId: b.tokenId, holder: getAddress(b.holder), identityCommitment: b.identityCommitment },
  } satisfies TypedDataDefinition<typeof identityBindingTypes, "IdentityBinding">;
}

/** What `POST /onsale/bindings/nonce` answers: the holder signs `buildBindingSignInMessage` over it. */
export type BindingChallenge = SiweChallenge & { contract: Address; tokenId: string };

/**
 * The EIP-4361 message by which a ticket's holder asks for an identity binding: it names the ticket as a
 * CAIP-19 resource, so the service answers only the wallet that holds that ticket.
 *
 * @example
 * const ch = await requestBindingNonce(base, { contract, tokenId: "7" });
 * const message = buildBindingSignInMessage(ch, holder);
 * await requestIdentityBinding(base, { message, signature: await wallet.signMessage({ message }), idNumber });
 */
export function buildBindingSignInMessage(challenge: BindingChallenge, holder: Address): string {
  return buildSiweChallengeMessage(
    challenge,
    holder,
    `Bind my identity to ticket ${challenge.tokenId} of this event.`,
    [ticketResource(challenge.chainId, challenge.contract, BigInt(challenge.tokenId))],
  );
}

/** POST /onsale/bindings: body and answer. The ID number is only ever sent here, over TLS, never stored. */
export type BindingRequest = { message: string; signature: Hex; idNumber: string; identityEvidence?: string };
export type BindingSignature = {
  contract: Address;
  tokenId: string;
  holder: Address;
  identityCommitment: Hex;
  signature: Hex;
};
