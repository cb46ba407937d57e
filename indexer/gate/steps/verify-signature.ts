/**
 * Step 8: the signature is the message address's, and the chain is asked only when it must be.
 *
 * - An ECDSA signature that recovers to the address is valid, locally (every EOA at the door).
 * - Otherwise only a contract wallet can still be valid: a signature shaped as ERC-6492 (an account
 *   not deployed yet) or ERC-8010, or an address with code (EIP-1271; `eth_getCode`, cached). Only
 *   then is the chain asked (viem `verifyMessage`, an `eth_call`). Anything else is BAD_SIGNATURE
 *   with no RPC call: a junk signature on an EOA address cost 4 RPC requests before.
 * - The chain reads a signature check may make (an uncached `eth_getCode`, a contract-wallet
 *   verification) are limited per client (`from`, the caller's address), so junk signatures
 *   cannot spend the RPC quota without bound.
 */
import {
  isAddressEqual,
  isErc6492Signature,
  isErc8010Signature,
  recoverMessageAddress,
  type Address,
  type Hex,
  type PublicClient,
} from "viem";
import { createRateLimiter, type RateLimiter } from "../sessions/rate-limiter";
import { SIGNATURE_CHECK_LIMITS as LIMITS } from "../../api/abuse-limits";
import { GateDenial } from "../gate-denial";

type ClientState = { code: Map<string, { has: boolean; at: number }>; chainChecks: RateLimiter };
const states = new WeakMap<object, ClientState>();

function stateOf(client: PublicClient): ClientState {
  let s = states.get(client);
  if (!s) {
    const perSecond = LIMITS.chainChecksPerClientPerSecond;
    states.set(client, (s = { code: new Map(), chainChecks: createRateLimiter({ perSecond, burst: perSecond * 4 }) }));
  }
  return s;
}

export type SignatureCheckOptions = {
  /** The caller's client address: its chain reads are rate-limited. Omitted: not limited here (the route's own bucket is). */
  from?: string | undefined;
};

export async function verifySignature(
  client: PublicClient,
  address: Address,
  message: string,
  signature: Hex,
  opts: SignatureCheckOptions = {},
): Promise<void> {
  if (await recoversTo(address, message, signature)) return;
  const state = stateOf(client);
  const spendChainCheck = () => {
    if (opts.from !== undefined && !state.chainChecks.take(opts.from)) {
      throw new GateDenial(
        "RATE_LIMITED",
        `more than ${LIMITS.chainChecksPerClientPerSecond} contract-wallet signature checks/s from this address`,
      );
    }
  };
  const walletShaped = isErc6492Signature(signature) || isErc8010Signature(signature);
  if (!walletShaped && !(await hasCode(client, state, address, spendChainCheck))) {
    throw new GateDenial("BAD_SIGNATURE", `signature is not valid for ${address}`);
  }
  spendChainCheck();
  let valid: boolean;
  try {
    valid = await client.verifyMessage({ address, message, signature });
  } catch {
    // Not a verdict on the signature: the chain could not be asked.
    throw new GateDenial("INDEXER_STALE", "could not reach the chain to verify a contract-wallet signature");
  }
  if (!valid) throw new GateDenial("BAD_SIGNATURE", `signature is not valid for ${address}`);
}

async function recoversTo(address: Address, message: string, signature: Hex): Promise<boolean> {
  // 65 bytes (r, s, v) or 64 (EIP-2098); anything else cannot be an ECDSA signature.
  if (signature.length !== 132 && signature.length !== 130) return false;
  try {
    return isAddressEqual(address, await recoverMessageAddress({ message, signature }));
  } catch {
    return false;
  }
}

async function hasCode(
  client: PublicClient,
  state: ClientState,
  address: Address,
  spendChainCheck: () => void,
): Promise<boolean> {
  const key = address.toLowerCase();
  const hit = state.code.get(key);
  const now = Date.now();
  if (hit && now - hit.at < (hit.has ? LIMITS.codeCacheMs : LIMITS.noCodeCacheMs)) return hit.has;
  spendChainCheck();
  let code: Hex | undefined;
  try {
    code = await client.getCode({ address });
  } catch {
    throw new GateDenial("INDEXER_STALE", "could not reach the chain to tell a contract wallet from a plain account");
  }
  const has = code !== undefined && code !== "0x";
  state.code.delete(key);
  if (state.code.size >= LIMITS.maxCachedAddresses) state.code.delete(state.code.keys().next().value!);
  state.code.set(key, { has, at: now });
  return has;
}
