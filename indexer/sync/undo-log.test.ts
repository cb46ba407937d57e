/** A reorg that undoes an `IdentityBound` unbinds the ticket and gives back its voucher commitment, if any. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identityDeadlines, tickets, transfers, voucherRedemptions } from "../db/schema";
import { IN_MEMORY, openPglite } from "../db/open-pglite";
import type { Database } from "../db/types";
import { rollbackAbove } from "./rollback";

const C = "0x00000000000000000000000000000000000000c1";
const HOLDER = "0x00000000000000000000000000000000000000a1";
const VOUCHER = `0x${"11".repeat(32)}`;
const BOUND = `0x${"22".repeat(32)}`;
const tx = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;
let database: Database;

beforeAll(async () => {
  database = await openPglite(IN_MEMORY);
  const db = database.db;
  const ticket = (tokenId: bigint, identityCommitment: string | null, boundBlock: number | null) => ({
    contract: C,
    tokenId,
    owner: HOLDER,
    mintedBlock: 10,
    updatedBlock: 10,
    updatedLogIndex: Number(tokenId),
    tier: 0,
    channel: 1,
    identityCommitment,
    boundBlock,
  });
  await db
    .insert(tickets)
    .values([ticket(1n, VOUCHER, null), ticket(2n, BOUND, 30), ticket(3n, BOUND, 30), ticket(4n, BOUND, 12)]);
  // #1 and #2 came from one voucher; #3 and #4 were plain mints.
  await db.insert(voucherRedemptions).values({
    blockNumber: 10,
    logIndex: 0,
    contract: C,
    nonce: tx(1),
    identityCommitment: VOUCHER,
    to: HOLDER,
    firstTokenId: 1n,
    quantity: 2,
    txHash: tx(10),
  });
  await db.insert(transfers).values(
    [1n, 2n, 3n, 4n].map((id) => ({
      blockNumber: 10,
      logIndex: Number(id),
      contract: C,
      tokenId: id,
      from: "0x0000000000000000000000000000000000000000",
      to: HOLDER,
      txHash: tx(10),
      kind: "mint",
    })),
  );
  await db.insert(identityDeadlines).values([
    { blockNumber: 5, logIndex: 0, contract: C, tier: 0, secondsBeforeStart: 3600, txHash: tx(5) },
    { blockNumber: 25, logIndex: 0, contract: C, tier: 0, secondsBeforeStart: 0, txHash: tx(25) },
  ]);
});
afterAll(() => database?.close());

describe("rollback of identity bindings", () => {
  it("undoes bindings above the ancestor only, restoring voucher commitments", async () => {
    await rollbackAbove(database.db, 20);
    const rows = await database.db
      .select({ id: tickets.tokenId, c: tickets.identityCommitment, b: tickets.boundBlock, ch: tickets.channel })
      .from(tickets)
      .where(eq(tickets.contract, C))
      .orderBy(tickets.tokenId);
    expect(rows).toEqual([
      { id: 1n, c: VOUCHER, b: null, ch: 1 },
      { id: 2n, c: VOUCHER, b: null, ch: 1 },
      { id: 3n, c: null, b: null, ch: 1 },
      { id: 4n, c: BOUND, b: 12, ch: 1 },
    ]);
    expect((await database.db.select().from(identityDeadlines)).map((d) => d.blockNumber)).toEqual([5]);
  });
});
