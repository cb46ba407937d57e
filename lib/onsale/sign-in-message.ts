import { getAddress, type Address } from "viem";
import { createSiweMessage } from "viem/siwe";

/** What `POST /onsale/entry/sign-in/nonce` answers. */
export type OnsaleSignInChallenge = {
  nonce: string;
  domain: string;
  uri: string;
  chainId: number;
  saleId: string;
  contract: Address;
  issuedAt: string;
  expiresAt: string;
};

/**
 * The EIP-4361 message an admitted fan's wallet signs to bind itself to its queue place.
 *
 * @example
 * const ch = await onsaleSignInNonce(base, token);
 * const message = buildOnsaleSignInMessage(ch, account.address);
 * await onsaleSignIn(base, token, { message, signature: await wallet.signMessage({ account, message }) });
 */
export function buildOnsaleSignInMessage(challenge: OnsaleSignInChallenge, wallet: Address): string {
  return createSiweMessage({
    domain: challenge.domain,
    address: getAddress(wallet),
    statement: `Sign in to the waiting room of sale ${challenge.saleId} to receive your ticket voucher.`,
    uri: challenge.uri,
    version: "1",
    chainId: challenge.chainId,
    nonce: challenge.nonce,
    issuedAt: new Date(challenge.issuedAt),
    expirationTime: new Date(challenge.expiresAt),
    resources: [`eip155:${challenge.chainId}/erc721:${getAddress(challenge.contract)}`],
  });
}
