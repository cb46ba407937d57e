/** Tests' side of POST /onsale/bindings, as the app does it: a binding nonce for one ticket, the wallet's SIWE signature, then the request. */
import type { Hono } from "hono";
import type { Address, WalletClient } from "viem";
import { buildBindingSignInMessage, type BindingChallenge } from "../../lib/identity/identity-binding";

export type BindingAnswer = { status: number; body: Record<string, any>; text: string };

async function post(routes: Hono, path: string, body: unknown): Promise<BindingAnswer> {
  const res = await routes.request(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Record<string, any>, text };
}

/**
 * `wallet` signs in for `tokenId` of `contract` and asks for the binding of `idNumber`. `routes` are the on-sale
 * routes (mounted at their root, as `onsaleRoutes(deps)` is).
 */
export async function requestBindingAs(
  routes: Hono,
  wallet: WalletClient,
  contract: Address,
  tokenId: bigint,
  idNumber: string,
): Promise<BindingAnswer> {
  const nonce = await post(routes, "/bindings/nonce", { contract, tokenId: tokenId.toString() });
  if (nonce.status !== 200) return nonce;
  const message = buildBindingSignInMessage(nonce.body as BindingChallenge, wallet.account!.address);
  const signature = await wallet.signMessage({ account: wallet.account!, message });
  return post(routes, "/bindings", { message, signature, idNumber });
}

/** The raw POST /bindings, for refusals of malformed or unsigned requests. */
export function postBinding(routes: Hono, body: unknown): Promise<BindingAnswer> {
  return post(routes, "/bindings", body);
}
