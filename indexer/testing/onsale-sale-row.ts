/** Inserts a sale row directly (no chain needed) for queue-only tests. */
import { onsaleSales } from "../db/schema";
import type { Db } from "../db/types";

export async function insertTestSale(
  db: Db,
  o: Partial<typeof onsaleSales.$inferInsert> & { id: string; opensAt: Date },
) {
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

export { seededRandomInt } from "../../lib/random/seeded-random";
