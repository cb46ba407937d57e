/**
 * mulberry32: a tiny seeded PRNG for tests, fuzzing, chaos runs and simulations, so any run can
 * be replayed from its seed. Not for secrets (use node:crypto).
 *
 * @example
 * const random = seededRandom(42);
 * random(); // 0 ≤ x < 1, the same sequence for the same seed
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded integers in [0, n). */
export function seededRandomInt(seed: number): (n: number) => number {
  const random = seededRandom(seed);
  return (n) => Math.floor(random() * n);
}
