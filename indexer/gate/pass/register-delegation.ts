/**
 * Pass mode, once per phone and event: verify the wallet's SIWE delegation of a device key
 * (EOA, EIP-1271 or ERC-6492, nonce single use) and the device key's own signature of it (proof of
 * possession), and store it, with the chain head at that moment.
 */
import { createHash, createPublicKey, verify, type KeyObject } from "node:crypto";
import { getAddress, type Address, type Hex } from "viem";
import {
  delegationProofBytes,
  fromBase64Url,
  isLowS,
  parseDelegationResources,
  rawPublicKeyToSpki,
  type DelegationRequest,
} from "../../../lib/pass";
import { passDelegations } from "../../db/schema";
import type { GateContext } from "../gate-context";
import { GateDenial } from "../gate-denial";
import { issueChallenge } from "../issue-challenge";
import { verifySiweOnce } from "../siwe/verify-siwe-once";

export type RegisteredDelegation = { contract: Address; keyId: string; holder: Address; expiresAt: string };

/** `POST /pass/nonce`: what the phone needs to build the delegation message. */
export async function issueDelegationNonce(
  ctx: GateContext,
  req: { contract: Address; domain?: string | undefined },
): Promise<DelegationRequest> {
  const ch = await issueChallenge(ctx, { contract: req.contract, gateId: "", domain: req.domain, purpose: "delegate" });
  const latest = new Date(Date.parse(ch.issuedAt) + ctx.settings.maxDelegationSeconds * 1000);
  return {
    nonce: ch.nonce,
    domain: ch.domain,
    uri: ch.uri,
    chainId: ch.chainId,
    contract: ch.contract,
    issuedAt: ch.issuedAt,
    expiresAt: latest.toISOString(),
  };
}

/** The 8-byte key id of a raw public key, hex (as in the pass). */
export function keyIdHex(publicKeyBase64Url: string): string {
  return createHash("sha256").update(fromBase64Url(publicKeyBase64Url)).digest().subarray(0, 8).toString("hex");
}

export async function registerDelegation(
  ctx: GateContext,
  body: { message: string; signature: Hex; deviceSignature?: string | undefined },
): Promise<RegisteredDelegation> {
  const named: { res?: { chainId: number; contract: Address; publicKey: string } } = {};
  const { message, signer, challenge } = await verifySiweOnce(
    ctx,
    body.message,
    body.signature,
    "delegate",
    (c) => new Date(c.issuedAt.getTime() + ctx.settings.maxDelegationSeconds * 1000),
    // Before the wallet signature is checked or the nonce spent: what the delegation names, and that this phone holds the key.
    (m, c) => {
      const res = parseDelegationResources(m.resources ?? []);
      if (!res) throw new GateDenial("MALFORMED", "delegation must name exactly one event and one P-256 pass key");
      if (res.chainId !== ctx.chainId) throw new GateDenial("WRONG_CHAIN", `delegation names chain ${res.chainId}`);
      if (res.contract.toLowerCase() !== c.contract) {
        throw new GateDenial(
          "WRONG_EVENT",
          `delegation names ${res.contract}, the nonce was issued for ${getAddress(c.contract)}`,
        );
      }
      checkDeviceProof(res.publicKey, body.message, body.deviceSignature);
      named.res = res;
    },
  );
  if (!named.res) throw new Error("unreachable: verifySiweOnce ran the resource check");
  const { contract, publicKey } = named.res;
  let head: bigint;
  try {
    head = await ctx.client.getBlockNumber({ cacheTime: 0 });
  } catch {
    throw new GateDenial("INDEXER_STALE", "could not read the chain head");
  }
  const keyId = keyIdHex(publicKey);
  const expiresAt = new Date(message.expirationTime!);
  const row = {
    contract: contract.toLowerCase(),
    keyId,
    publicKey,
    holder: signer.toLowerCase(),
    expiresAt,
    createdAt: ctx.now(),
    createdBlock: Number(head),
    nonce: challenge.nonce,
  };
  // The same phone re-delegating (new expiry, or another wallet) replaces its old delegation: only that phone
  // can, since the device proof above needs its private key.
  await ctx.db
    .insert(passDelegations)
    .values(row)
    .onConflictDoUpdate({ target: [passDelegations.contract, passDelegations.keyId], set: row });
  ctx.delegations.forget(contract, keyId);
  return { contract, keyId, holder: signer, expiresAt: expiresAt.toISOString() };
}

/**
 * Proof of possession (lib/pass/delegation-proof.ts): the pass key itself signed this delegation message, so
 * the phone registering it holds the private key. A public key alone (every offline snapshot lists some) is not enough.
 */
function checkDeviceProof(publicKey: string, message: string, deviceSignature: string | undefined): void {
  if (deviceSignature === undefined) {
    throw new GateDenial(
      "DEVICE_PROOF_INVALID",
      "the pass key must sign the delegation (deviceSignature): update the app",
    );
  }
  let key: KeyObject;
  let signature: Uint8Array;
  try {
    key = createPublicKey({
      key: Buffer.from(rawPublicKeyToSpki(fromBase64Url(publicKey))),
      format: "der",
      type: "spki",
    });
  } catch {
    throw new GateDenial("MALFORMED", "pass key is not a point on P-256");
  }
  try {
    signature = fromBase64Url(deviceSignature);
  } catch {
    throw new GateDenial("DEVICE_PROOF_INVALID", "deviceSignature is not base64url");
  }
  // Low-s only, as for passes: one encoding per signature.
  const ok =
    isLowS(signature) && verify("sha256", delegationProofBytes(message), { key, dsaEncoding: "ieee-p1363" }, signature);
  if (!ok)
    throw new GateDenial("DEVICE_PROOF_INVALID", "deviceSignature is not the pass key's signature of this delegation");
}
