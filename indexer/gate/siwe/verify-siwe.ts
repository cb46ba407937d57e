/**
 * The one Sign-In with Ethereum check of this service: gate scans, staff and organizer sign-in,
 * pass delegations, seat sessions, on-sale sign-in and identity bindings all go through it.
 * Order: length cap and strict `siwe` parse → domain + URI → chain → the nonce (issued by us for
 * this use, unspent) → times (issued-at, expiry, not-before) → the caller's own checks of the
 * message → signature (EOA, EIP-1271, ERC-6492) → the nonce spent atomically.
 * Every refusal is a GateDenial with a stable reason code; callers map it to their own codes.
 * A nonce answered with a bad signature `failuresPerNonce` times (abuse-limits.ts) is spent (burned): one free
 * challenge cannot buy unlimited signature checks.
 */
import { getAddress, type Address, type Hex, type PublicClient } from "viem";
import type { SiweMessage } from "siwe";
import { SIGNATURE_CHECK_LIMITS } from "../../api/abuse-limits";
import { GateDenial } from "../gate-denial";
import { checkChain } from "../steps/check-chain";
import { checkDomain } from "../steps/check-domain";
import { checkExpiry, type NonceWindow } from "../steps/check-expiry";
import { parseMessage } from "../steps/parse-message";
import { verifySignature } from "../steps/verify-signature";

/** Where a kind of sign-in keeps its nonces. */
export type SiweNonceStore<N extends NonceWindow> = {
  /** The nonce `message` answers, if this service issued it for this use; else throws (UNKNOWN_CHALLENGE, CHALLENGE_USED, …). */
  load(message: SiweMessage): Promise<N>;
  /** Spends the nonce atomically once the signature holds; throws when a concurrent request spent it first. */
  consume(nonce: N, now: Date, signer: Address): Promise<void>;
  /** Spends the nonce with no sign-in (too many bad signatures), so other instances refuse it too; without it only this process's count refuses. */
  burn?(nonce: N, now: Date): Promise<void>;
};

export type SiweCheck<N extends NonceWindow> = {
  client: PublicClient;
  chainId: number;
  siweDomains: readonly string[];
  now: Date;
  nonces: SiweNonceStore<N>;
  /** Latest expiry the message may carry (default: the nonce's own). */
  latestExpiry?: (nonce: N) => Date;
  /** The caller's checks of the message's content (resources, rate limits): run before the costly signature check. */
  inspect?: (message: SiweMessage, nonce: N) => void | Promise<void>;
  /** The caller's client address: the chain reads its signature checks cost are rate-limited (verify-signature.ts). */
  from?: string | undefined;
};

const { failuresPerNonce: MAX_SIGNATURE_FAILURES, maxCountedNonces: MAX_COUNTED_NONCES } = SIGNATURE_CHECK_LIMITS;
/** Bad signatures per nonce still answerable (a challenge lives 2 minutes); the oldest nonces are forgotten first. */
const failures = new Map<string, number>();

export type VerifiedSiweMessage<N> = { message: SiweMessage; signer: Address; nonce: N };

export async function verifySiwe<N extends NonceWindow>(
  text: string,
  signature: Hex,
  check: SiweCheck<N>,
): Promise<VerifiedSiweMessage<N>> {
  const message = parseMessage(text);
  checkDomain(message, check.siweDomains);
  checkChain(message, check.chainId);
  const nonce = await check.nonces.load(message);
  checkExpiry(message, nonce, check.now, check.latestExpiry?.(nonce));
  await check.inspect?.(message, nonce);
  const signer = getAddress(message.address);
  const failed = failures.get(message.nonce) ?? 0;
  if (failed >= MAX_SIGNATURE_FAILURES)
    throw new GateDenial("CHALLENGE_USED", `challenge spent after ${MAX_SIGNATURE_FAILURES} bad signatures`);
  try {
    await verifySignature(check.client, signer, text, signature, { from: check.from });
  } catch (err) {
    if (err instanceof GateDenial && err.reason === "BAD_SIGNATURE")
      await countFailure(check, message.nonce, nonce, failed + 1);
    throw err;
  }
  await check.nonces.consume(nonce, check.now, signer);
  return { message, signer, nonce };
}

async function countFailure<N extends NonceWindow>(
  check: SiweCheck<N>,
  key: string,
  nonce: N,
  count: number,
): Promise<void> {
  failures.delete(key);
  if (failures.size >= MAX_COUNTED_NONCES) failures.delete(failures.keys().next().value!);
  failures.set(key, count);
  if (count >= MAX_SIGNATURE_FAILURES) await check.nonces.burn?.(nonce, check.now).catch(() => {});
}
