/**
 * Pass mode, once per phone and event: verify the wallet's SIWE delegation of a device key
 * (EOA, EIP-1271 or ERC-6492, nonce single use) and store it, with the chain head at that moment.
 */
import { createHash, createPublicKey } from "node:crypto";
import { getAddress, type Address, type Hex } from "viem";
import { fromBase64Url, parseDelegationResources, rawPublicKeyToSpki, type DelegationRequest } from "../../../lib/pass";
import { passDelegations } from "../../db/schema";
import type { GateContext } from "../gate-context";
import { GateDenial } from "../gate-denial";
import { issueChallenge } from "../issue-challenge";
import { verifySiweOnce } from "../siwe/verify-siwe-once";

export type RegisteredDelegation = { contract: Address; keyId: string; holder: Address; expiresAt: string };

/** `POST /pass/nonce`: what the phone needs to build the delegation message. */
export async function issueDelegationNonce(ctx: GateContext, req: { contract: Address; domain?: string | undefined }): Promise<DelegationRequest> {
  const ch = await issueChallenge(ctx, { contract: req.contract, gateId: "", domain: req.domain, purpose: "delegate" });
  const latest = new Date(Date.parse(ch.issuedAt) + ctx.settings.maxDelegationSeconds * 1000);
  return { nonce: ch.nonce, domain: ch.domain, uri: ch.uri, chainId: ch.chainId, contract: ch.contract, issuedAt: ch.issuedAt, expiresAt: latest.toISOString() };
}

/** The 8-byte key id of a raw public key, hex (as in the pass). */
export function keyIdHex(publicKeyBase64Url: string): string {
  return createHash("sha256").update(fromBase64Url(publicKeyBase64Url)).digest().subarray(0, 8).toString("hex");
}

export async function registerDelegation(ctx: GateContext, body: { message: string; signature: Hex }): Promise<RegisteredDelegation> {
  const { message, signer, challenge } = await verifySiweOnce(
    ctx,
    body.message,
    body.signature,
    "delegate",
    (c) => new Date(c.issuedAt.getTime() + ctx.settings.maxDelegationSeconds * 1000),
  );
  const res = parseDelegationResources(message.resources ?? []);
  if (!res) throw new GateDenial("MALFORMED", "delegation must name exactly one event and one P-256 pass key");
  if (res.chainId !== ctx.chainId) throw new GateDenial("WRONG_CHAIN", `delegation names chain ${res.chainId}`);
  if (res.contract.toLowerCase() !== challenge.contract) {
    throw new GateDenial("WRONG_EVENT", `delegation names ${res.contract}, the nonce was issued for ${getAddress(challenge.contract)}`);
  }
  try {
    createPublicKey({ key: Buffer.from(rawPublicKeyToSpki(fromBase64Url(res.publicKey))), format: "der", type: "spki" });
  } catch {
    throw new GateDenial("MALFORMED", "pass key is not a point on P-256");
  }
  let head: bigint;
  try {
    head = await ctx.client.getBlockNumber({ cacheTime: 0 });
  } catch {
    throw new GateDenial("INDEXER_STALE", "could not read the chain head");
  }
  const keyId = keyIdHex(res.publicKey);
  const expiresAt = new Date(message.expirationTime!);
  const row = {
    contract: res.contract.toLowerCase(),
    keyId,
    publicKey: res.publicKey,
    holder: signer.toLowerCase(),
    expiresAt,
    createdAt: ctx.now(),
    createdBlock: Number(head),
    nonce: challenge.nonce,
  };
  // The same phone re-delegating (new expiry, or another wallet) replaces its old delegation.
  await ctx.db.insert(passDelegations).values(row).onConflictDoUpdate({ target: [passDelegations.contract, passDelegations.keyId], set: row });
  ctx.delegations.forget(res.contract, keyId);
  return { contract: res.contract, keyId, holder: signer, expiresAt: expiresAt.toISOString() };
}
