/**
 * Hashcash-style proof of work: find a decimal `nonce` such that sha256(utf8(challenge + ":" + nonce))
 * starts with `bits` zero bits. Costs a browser ~2^bits hashes once per join; costs a farm of a
 * thousand queue entries a thousand times that. The server checks with one hash.
 */
import { sha256, stringToBytes } from "viem";

/** Number of leading zero bits of a byte string. */
export function leadingZeroBits(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

export function powHash(challenge: string, nonce: string): Uint8Array {
  return sha256(stringToBytes(`${challenge}:${nonce}`), "bytes");
}

export function checkPow(challenge: string, nonce: string, bits: number): boolean {
  if (!/^\d{1,16}$/.test(nonce)) return false;
  return leadingZeroBits(powHash(challenge, nonce)) >= bits;
}

export class PowGaveUpError extends Error {
  override name = "PowGaveUpError";
}

/**
 * Finds a nonce; gives up after `maxTries` (default 2^(bits+6): failing that is ~e^-64 unlikely).
 *
 * @example
 * const { challenge, bits } = await getPowChallenge(base, saleId);
 * const nonce = solvePow(challenge, bits);
 */
export function solvePow(challenge: string, bits: number, maxTries = 2 ** Math.min(bits + 6, 40)): string {
  for (let i = 0; i < maxTries; i++) {
    const nonce = String(i);
    if (leadingZeroBits(powHash(challenge, nonce)) >= bits) return nonce;
  }
  throw new PowGaveUpError(`no proof of work found for ${bits} bits in ${maxTries} tries`);
}

export class PowCancelledError extends Error {
  override name = "PowCancelledError";
}

/**
 * {@link solvePow} for a page: hashes in slices of `sliceSize` and yields to the event loop between
 * them, so the UI keeps painting and answering clicks while the puzzle is solved; reports
 * progress (tries so far, expected ≈ 2^bits) and stops when `signal` aborts.
 *
 * @example
 * const nonce = await solvePowAsync(challenge, bits, { onProgress: (tries) => setTries(tries) });
 */
export async function solvePowAsync(
  challenge: string,
  bits: number,
  o: { signal?: AbortSignal; onProgress?: (tries: number) => void; sliceSize?: number; maxTries?: number } = {},
): Promise<string> {
  const sliceSize = o.sliceSize ?? 500;
  const maxTries = o.maxTries ?? 2 ** Math.min(bits + 6, 40);
  for (let i = 0; i < maxTries; ) {
    if (o.signal?.aborted) throw new PowCancelledError("proof of work cancelled");
    const end = Math.min(i + sliceSize, maxTries);
    for (; i < end; i++) {
      const nonce = String(i);
      if (leadingZeroBits(powHash(challenge, nonce)) >= bits) return nonce;
    }
    o.onProgress?.(i);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new PowGaveUpError(`no proof of work found for ${bits} bits in ${maxTries} tries`);
}
