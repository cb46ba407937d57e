/**
 * The one-statement admission: facts read from the mirror, check-in written only when they all
 * admit, and exactly once under real concurrency (50 gates × 20 tickets through 3 admitters, as 3
 * gate instances would), on PGlite and on a real PostgreSQL (the indexer's DATABASE_URL driver).
 */
import { count } from "drizzle-orm";
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identityCommitment } from "../../../lib/identity/identity-commitment";
import { checkIns, events, tickets, tiers } from "../../db/schema";
import type { Database } from "../../db/types";
import { testDatabases } from "../../testing/test-databases";
import { createMirrorAdmitter, type MirrorAdmissionRequest } from "./mirror-admission";

const GATES = 50;
const TICKETS = 20;
const INSTANCES = 3;
const EVENT = getAddress("0x5fbdb2315678afecb367f032aa2e9bd2a4f6b4b7");
const ALICE = getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
const BOB = getAddress("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
const PEPPER = "mirror-admission-pepper";
// Tokens 1..TICKETS general; 101 VIP-only tier; 102 named; 103 moved at block 50; 104 Bob's.
const NAMED = identityCommitment(PEPPER, "X1234567");

async function seedMirror(db: Database["db"], contract: Address, cancelled = false) {
  const c = contract.toLowerCase();
  await db.insert(events).values({
    address: c,
    eventId: 1n,
    organizer: BOB.toLowerCase(),
    name: "Mirror Night",
    startTime: 2_000_000_000n,
    createdBlock: 1,
    createdTx: "0x00",
    ...(cancelled ? { cancelledAt: 1_900_000_000n, cancelledBlock: 9 } : {}),
  });
  const tier = (t: number, zones: number) => ({
    contract: c,
    tier: t,
    faceValue: 0n,
    supply: 1000,
    zones,
    mode: 0,
    resaleCapBps: 10_000,
    voucherOnly: false,
    blockNumber: 1,
  });
  await db.insert(tiers).values([tier(0, 0b01), tier(1, 0b10)]);
  const ticket = (id: number, o: { owner?: Address; tier?: number; block?: number; identity?: string } = {}) => ({
    contract: c,
    tokenId: BigInt(id),
    owner: (o.owner ?? ALICE).toLowerCase(),
    mintedBlock: 2,
    updatedBlock: o.block ?? 2,
    updatedLogIndex: 0,
    tier: o.tier ?? 0,
    identityCommitment: o.identity ?? null,
  });
  await db
    .insert(tickets)
    .values([
      ...Array.from({ length: TICKETS }, (_, i) => ticket(i + 1)),
      ticket(101, { tier: 1 }),
      ticket(102, { identity: NAMED }),
      ticket(103, { block: 50 }),
      ticket(104, { owner: BOB }),
    ]);
}

const request = (
  contract: Address,
  tokenId: bigint,
  o: Partial<MirrorAdmissionRequest> = {},
): MirrorAdmissionRequest => ({
  ticket: { contract, tokenId },
  claimant: ALICE,
  gateId: "north-1",
  zone: 0,
  identity: null,
  now: new Date(),
  mode: "pass",
  notMovedAfter: 10,
  ...o,
});

describe.each(testDatabases())("mirror admission on $name", { timeout: 120_000 }, (kind) => {
  if (kind.skip) console.warn(`⚠ mirror admission on ${kind.name} SKIPPED: ${kind.skip}`);
  let database: Database;
  beforeAll(async () => {
    if (kind.skip) return;
    database = await kind.open();
    await seedMirror(database.db, EVENT);
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await kind.shutdown();
  });

  it.skipIf(kind.skip)(
    `${GATES} gates × ${TICKETS} tickets through ${INSTANCES} admitters: each ticket admitted once`,
    async () => {
      const admitters = Array.from({ length: INSTANCES }, () =>
        createMirrorAdmitter(database.db, { maxBatch: 64, maxInFlight: 2 }),
      );
      const attempts = [];
      for (let gate = 0; gate < GATES; gate++) {
        for (let id = 1n; id <= BigInt(TICKETS); id++) {
          attempts.push(
            admitters[gate % INSTANCES]!(request(EVENT, id, { gateId: `gate-${gate}` })).then((r) => ({
              id,
              gate,
              admitted: r.admitted,
            })),
          );
        }
      }
      const results = await Promise.all(attempts);
      const rows = await database.db.select().from(checkIns);
      for (let id = 1n; id <= BigInt(TICKETS); id++) {
        const winners = results.filter((r) => r.id === id && r.admitted);
        expect(winners, `ticket ${id}`).toHaveLength(1);
        // The one told ADMIT is the one the database recorded.
        expect(rows.find((r) => r.tokenId === id)?.gateId).toBe(`gate-${winners[0]!.gate}`);
      }
      expect(rows).toHaveLength(TICKETS);
    },
  );

  it.skipIf(kind.skip)("writes nothing when a fact refuses, and reports the facts it read", async () => {
    const admit = createMirrorAdmitter(database.db);
    const before = await database.db.select({ n: count() }).from(checkIns);
    const refused = await Promise.all([
      admit(request(EVENT, 101n)), // VIP-only tier at a general gate
      admit(request(EVENT, 102n)), // named ticket, no ID entered
      admit(request(EVENT, 102n, { identity: identityCommitment(PEPPER, "Z999") })), // wrong ID
      admit(request(EVENT, 103n)), // moved after the delegation (block 50 > 10)
      admit(request(EVENT, 104n)), // Bob's ticket, Alice's delegation
      admit(request(EVENT, 999n)), // not in the mirror
    ]);
    expect(refused.map((r) => r.admitted)).toEqual([false, false, false, false, false, false]);
    expect(refused[0]!.facts).toMatchObject({
      owner: ALICE.toLowerCase(),
      zones: 0b10,
      cancelled: false,
      identityCommitment: null,
    });
    expect(refused[1]!.facts.identityCommitment).toBe(NAMED);
    expect(refused[3]!.facts.lastTransferBlock).toBe(50);
    expect(refused[4]!.facts.owner).toBe(BOB.toLowerCase());
    expect(refused[5]!.facts).toEqual({
      owner: null,
      lastTransferBlock: null,
      zones: null,
      identityCommitment: null,
      cancelled: false,
      identityDeadline: null,
      bound: false,
    });
    expect(await database.db.select({ n: count() }).from(checkIns)).toEqual(before);

    // The same tickets are admitted when the facts allow it.
    const ok = await Promise.all([
      admit(request(EVENT, 101n, { zone: 1 })),
      admit(request(EVENT, 102n, { identity: identityCommitment(PEPPER, "x 123-4567") })),
      admit(request(EVENT, 103n, { notMovedAfter: 50 })),
      admit(request(EVENT, 104n, { claimant: BOB, mode: "challenge", notMovedAfter: null })),
    ]);
    expect(ok.map((r) => r.admitted)).toEqual([true, true, true, true]);
  });

  it.skipIf(kind.skip)("a cancelled event in the mirror admits no one", async () => {
    const cancelled = getAddress("0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0");
    await seedMirror(database.db, cancelled, true);
    const r = await createMirrorAdmitter(database.db)(request(cancelled, 1n));
    expect(r).toMatchObject({ admitted: false, facts: { cancelled: true, owner: ALICE.toLowerCase() } });
  });
});
