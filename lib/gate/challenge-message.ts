import { getAddress, type Address } from "viem";
import { buildSiweChallengeMessage, eventResource, type SiweChallenge } from "../siwe/challenge-message";

/** What a gate hands out: the fan's wallet signs a SIWE message built from it. */
export type GateChallenge = SiweChallenge & { contract: Address; gateId: string };

/** CAIP-19 asset id of one ticket, e.g. `eip155:31337/erc721:0xabc…/7`; names the ticket inside the SIWE message. */
export function ticketResource(chainId: number, contract: Address, tokenId: bigint): string {
  return `${eventResource(chainId, contract)}/${tokenId}`;
}

const resourcePattern = /^eip155:(\d{1,12})\/erc721:(0x[0-9a-fA-F]{40})\/(\d{1,78})$/;

/** Inverse of {@link ticketResource}; `null` for anything else. */
export function parseTicketResource(resource: string): { chainId: number; contract: Address; tokenId: bigint } | null {
  const m = resourcePattern.exec(resource);
  if (!m) return null;
  const tokenId = BigInt(m[3]!);
  if (tokenId >= 2n ** 256n) return null;
  return { chainId: Number(m[1]), contract: getAddress(m[2]!), tokenId };
}

/**
 * The EIP-4361 message a holder signs to answer a gate challenge for one ticket.
 * Built with viem on the client; the gate parses it strictly with `siwe`.
 *
 * @example
 * const message = buildChallengeMessage(challenge, account.address, 1n);
 * const signature = await walletClient.signMessage({ account, message });
 */
export function buildChallengeMessage(challenge: GateChallenge, holder: Address, tokenId: bigint): string {
  return buildSiweChallengeMessage(challenge, holder, `Admit ticket ${tokenId} at gate ${challenge.gateId}.`, [
    ticketResource(challenge.chainId, challenge.contract, tokenId),
  ]);
}
