import { getAddress, type Address } from "viem";
import { createSiweMessage } from "viem/siwe";

/** The fields every Fairgate sign-in challenge carries: the server picks them, the wallet signs over them. */
export type SiweChallenge = {
  nonce: string;
  domain: string;
  uri: string;
  chainId: number;
  issuedAt: string;
  expiresAt: string;
};

/** CAIP-19 collection id of an event's ticket contract, e.g. `eip155:31337/erc721:0xabc…`. */
export function eventResource(chainId: number, contract: Address): string {
  return `eip155:${chainId}/erc721:${getAddress(contract)}`;
}

/**
 * The EIP-4361 message for one server challenge: gate check-in, gate staff sign-in, pass delegation and
 * waiting-room sign-in differ only in statement and resources. Built with viem on the client; the server
 * parses it strictly with `siwe`.
 */
export function buildSiweChallengeMessage(
  challenge: SiweChallenge,
  signer: Address,
  statement: string,
  resources: string[],
): string {
  return createSiweMessage({
    domain: challenge.domain,
    address: getAddress(signer),
    statement,
    uri: challenge.uri,
    version: "1",
    chainId: challenge.chainId,
    nonce: challenge.nonce,
    issuedAt: new Date(challenge.issuedAt),
    expirationTime: new Date(challenge.expiresAt),
    resources,
  });
}
