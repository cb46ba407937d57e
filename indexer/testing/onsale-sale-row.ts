/** Inserts a sale row directly (no chain needed) for queue-only tests. */
import { onsaleSales } from "../db/schema";
import type { Db } from "../db/types";

export async function insertTestSale(db: Db, o: Partial<typeof onsaleSales.$inferInsert> & { id: string; opensAt: Date }) {
  const [row] = await db
    .insert(onsaleSales)
    .values({
      contract: "0x0000000000000000000000000000000000000001",
      tier: 0,
      admitPerSecond: 10,
      maxPerIdentity: 2,
      admissionTtlSeconds: 600,
      voucherTtlSeconds: 900,
      createdAt: new Date(),
      ...o,
    })
    .returning();
  return row!;
}

/** mulberry32: a small seeded PRNG, so statistical tests are deterministic. */
export function seededRandomInt(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}
