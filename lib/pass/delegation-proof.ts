/**
 * Proof of possession of a pass key: the device key signs the delegation message (which carries
 * the server's single-use nonce, the holder, the event and the key), so only the phone that holds
 * the non-extractable private key can register it. Without it, anyone who learned a fan's device
 * public key could delegate it to another wallet and the fan's own pass would stop working.
 * ECDSA P-256/SHA-256 over `"fairgate-pass-delegation\0" ‖ UTF-8(message)`, raw r ‖ s, low-s, base64url.
 */
import { concatBytes, toBase64Url } from "./bytes";
import { normalizeLowS } from "./p256";

/** Domain separation: this signature means nothing as a pass, a gate request or anything else. */
const PROOF_TAG = new TextEncoder().encode("fairgate-pass-delegation\0");

/** The bytes the device key signs for `message`. */
export function delegationProofBytes(message: string): Uint8Array {
  return concatBytes(PROOF_TAG, new TextEncoder().encode(message));
}

/**
 * @example
 * const message = buildDelegationMessage(request, holder, publicKey);
 * const body = { message, signature: await wallet.signMessage({ message }), deviceSignature: await signDelegationProof(keys.privateKey, message) };
 */
export async function signDelegationProof(privateKey: CryptoKey, message: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle)
    throw new Error("WebCrypto (crypto.subtle) is not available: a secure context (https or localhost) is required");
  const signature = new Uint8Array(
    await subtle.sign(
      { name: "ECDSA", hash: "SHA-256" },
      privateKey,
      delegationProofBytes(message) as Uint8Array<ArrayBuffer>,
    ),
  );
  return toBase64Url(normalizeLowS(signature));
}
