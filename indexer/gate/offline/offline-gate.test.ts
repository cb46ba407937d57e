/**
 * Offline gates end to end against the real gate service and chain: signed snapshot (pinned key,
 * tamper refused), local verification with the network gone, queued admissions reconciled, and a
 * ticket admitted at two offline gates, or online and offline, reported as a conflict.
 */
import { and, eq } from "drizzle-orm";
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOfflineGate, OfflineSnapshotError, verifySnapshot, type SignedSnapshot } from "../../../lib/offline";
import { slotAt } from "../../../lib/pass";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { checkInConflicts, checkIns } from "../../db/schema";
import { createSnapshotSigner } from "./snapshot-key";
import { gateFixture, TIER, type Device } from "../../testing/gate-fixture";
import { createTestApp, type TestApp } from "../../testing/test-app";

let t: TestApp;
let g: ReturnType<typeof gateFixture>;
let event: Address;
let alice: Address;
let device: Device;
let north: string;
let south: string;

async function snapshotFor(token: string | undefined): Promise<{ status: number; body: SignedSnapshot }> {
  const res = await t.app.request("/gate/offline/snapshot", {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: (await res.json()) as SignedSnapshot };
}

const reconcile = (token: string, admissions: unknown[]) =>
  t.post("/gate/offline/reconcile", { admissions }, { authorization: `Bearer ${token}` });

beforeAll(async () => {
  t = await createTestApp({ scanRatePerSecond: 1_000 });
  g = gateFixture(t);
  alice = getAddress(t.chain.alice.account!.address);
  event = await g.createTieredEvent("Offline Night");
  await g.grantGateRole(event, t.chain.bob.account!.address);
  await g.mintTier(event, TIER.general, Array(6).fill(alice)); // #1..#6
  await t.sync.syncToHead();
  device = (await g.delegate(t.chain.alice, event)).device;
  north = await g.gateToken(t.chain.bob, event, "north-1");
  south = await g.gateToken(t.chain.bob, event, "south-1");
});
afterAll(() => t.close());

describe("offline gate", () => {
  it("the snapshot needs a scanner session and is signed by the service's key", async () => {
    expect((await snapshotFor(undefined)).status).toBe(401);
    const { status, body } = await snapshotFor(north);
    expect(status).toBe(200);
    const snap = await verifySnapshot(body, body.publicKey);
    expect(snap).toMatchObject({ contract: event, gateId: "north-1", slotSeconds: 10, skewSlots: 1, checkedIn: [] });
    expect(snap.owners).toHaveLength(6);
    // Zones (general tier: zone 0 only) and identity (none) from the mirror, for offline zone and ID checks.
    expect(snap.owners[0]).toEqual([expect.any(String), alice.toLowerCase(), expect.any(Number), 0b01, null, null]);
    expect(snap.cancelled).toBe(false);
    expect(snap.delegations).toEqual([
      expect.objectContaining({ holder: alice.toLowerCase(), publicKey: device.publicKey }),
    ]);
  });

  it("a tampered snapshot, or one signed by another key, is refused", async () => {
    const { body } = await snapshotFor(north);
    const forgedOwner = body.payload.replace(alice.toLowerCase(), "0x000000000000000000000000000000000000dead");
    await expect(verifySnapshot({ ...body, payload: forgedOwner }, body.publicKey)).rejects.toThrow(
      OfflineSnapshotError,
    );
    // A scanner that pinned another service's key refuses it, even with a matching signature inside.
    const foreign = createSnapshotSigner();
    await expect(verifySnapshot(body, foreign.publicKey)).rejects.toThrow(/does not trust/);
    const resigned = {
      ...body,
      payload: forgedOwner,
      signature: foreign.sign(new TextEncoder().encode(forgedOwner)),
      publicKey: foreign.publicKey,
    };
    await expect(verifySnapshot(resigned, body.publicKey)).rejects.toThrow(OfflineSnapshotError);
  });

  it("two offline gates admit the same ticket: one wins on reconcile, the other is a reported conflict", async () => {
    const pinnedNorth = (await snapshotFor(north)).body;
    const pinnedSouth = (await snapshotFor(south)).body;
    const gateN = createOfflineGate(await verifySnapshot(pinnedNorth, pinnedNorth.publicKey));
    const gateS = createOfflineGate(await verifySnapshot(pinnedSouth, pinnedSouth.publicKey));
    // The network is gone: only the snapshot and local crypto from here to reconcile.
    const pass1 = await g.pass(device, event, 1n);
    expect(await gateN.verify(pass1)).toMatchObject({ result: "ADMIT", tokenId: "1", gateId: "north-1" });
    expect(await gateN.verify(pass1)).toMatchObject({ result: "DENY", reason: "ALREADY_CHECKED_IN" });
    expect(await gateS.verify(await g.pass(device, event, 1n))).toMatchObject({
      result: "ADMIT",
      tokenId: "1",
      gateId: "south-1",
    });
    expect(await gateN.verify(await g.pass(device, event, 2n))).toMatchObject({ result: "ADMIT", tokenId: "2" });
    // Replay of an old slot, a forged pass, and a ticket not in the snapshot, all denied offline.
    expect(await gateN.verify(await g.pass(device, event, 3n, slotAt(Date.now()) - 5))).toMatchObject({
      result: "DENY",
      reason: "SLOT_EXPIRED",
    });
    expect(await gateN.verify(await g.pass(device, event, 99n))).toMatchObject({
      result: "DENY",
      reason: "UNKNOWN_TOKEN",
    });
    expect(gateN.queued().map((a) => a.tokenId)).toEqual(["1", "2"]);

    const n = await reconcile(north, gateN.queued());
    expect(n).toMatchObject({ status: 200, body: { accepted: ["1", "2"], duplicates: [], conflicts: [] } });
    gateN.reconciled(["1", "2"]);
    expect(gateN.queued()).toEqual([]);

    const s = await reconcile(south, gateS.queued());
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({
      accepted: [],
      duplicates: [],
      conflicts: [{ tokenId: "1", firstGateId: "north-1" }],
    });
    const stored = await t.database.db.select().from(checkInConflicts).where(eq(checkInConflicts.gateId, "south-1"));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ tokenId: 1n, firstGateId: "north-1" });

    // A retried upload (the response was lost): recognised, nothing new stored.
    const again = await reconcile(south, gateS.queued());
    expect(again.body).toMatchObject({ conflicts: [{ tokenId: "1" }] });
    expect(await t.database.db.select().from(checkInConflicts)).toHaveLength(1);
    const [row2] = await t.database.db.select().from(checkIns).where(eq(checkIns.tokenId, 2n));
    const retryNorth = await reconcile(north, [
      { tokenId: "2", holder: alice, admittedAt: row2!.checkedInAt.toISOString() },
    ]);
    expect(retryNorth.body).toMatchObject({ accepted: [], duplicates: ["2"], conflicts: [] });

    // The online gate now refuses ticket 1 too.
    expect((await g.passScan(north, { pass: await g.pass(device, event, 1n) })).verdict).toMatchObject({
      reason: "ALREADY_CHECKED_IN",
    });
  });

  it("online then offline: the offline admission of a ticket the online gate took is a conflict", async () => {
    const snap = (await snapshotFor(south)).body;
    const offline = createOfflineGate(await verifySnapshot(snap, snap.publicKey));
    expect((await g.passScan(north, { pass: await g.pass(device, event, 4n) })).verdict).toMatchObject({
      result: "ADMIT",
    });
    expect(await offline.verify(await g.pass(device, event, 4n))).toMatchObject({ result: "ADMIT" }); // the snapshot predates it
    const res = await reconcile(south, offline.queued());
    expect(res.body).toMatchObject({ accepted: [], conflicts: [{ tokenId: "4", firstGateId: "north-1" }] });
    // A later snapshot knows ticket 4 (and 1, 2) were admitted.
    const later = await verifySnapshot((await snapshotFor(south)).body, snap.publicKey);
    expect(later.checkedIn.sort()).toEqual(["1", "2", "4"]);
    expect(await createOfflineGate(later).verify(await g.pass(device, event, 4n))).toMatchObject({
      result: "DENY",
      reason: "ALREADY_CHECKED_IN",
    });
  });

  it("the snapshot carries only delegations its holders can use, not every device key of the event", async () => {
    // An event of its own, so the tickets minted here change nothing the other tests count.
    const ev = await g.createTieredEvent("Offline Delegations");
    await g.grantGateRole(ev, t.chain.bob.account!.address);
    await g.mintTier(ev, TIER.general, [alice]);
    await t.sync.syncToHead();
    const aliceKey = (await g.delegate(t.chain.alice, ev)).device;
    const gateToken = await g.gateToken(t.chain.bob, ev, "east-1");
    const snapshot = async () => {
      const { body } = await snapshotFor(gateToken);
      return verifySnapshot(body, body.publicKey);
    };
    const carol = getAddress(t.chain.carol.account!.address);
    // Carol delegates a phone while holding no ticket of this event: nothing it could show is admissible here.
    const idle = await g.delegate(t.chain.carol, ev);
    expect(idle.res.status).toBe(200);
    expect((await snapshot()).delegations.map((d) => d.publicKey)).toEqual([aliceKey.publicKey]);
    // She gets a ticket after delegating: that delegation still admits nothing (the ticket moved since), so it stays out...
    await g.mintTier(ev, TIER.general, [carol]);
    await t.sync.syncToHead();
    expect((await snapshot()).delegations.map((d) => d.publicKey)).toEqual([aliceKey.publicKey]);
    // ...and the one she makes now is in, and admits offline.
    const fresh = await g.delegate(t.chain.carol, ev);
    expect(fresh.res.status).toBe(200);
    const snap = await snapshot();
    expect(snap.delegations.map((d) => d.publicKey).sort()).toEqual(
      [aliceKey.publicKey, fresh.device.publicKey].sort(),
    );
    const carolsTicket = snap.owners.find(([, owner]) => owner === carol.toLowerCase())![0];
    expect(await createOfflineGate(snap).verify(await g.pass(fresh.device, ev, BigInt(carolsTicket)))).toMatchObject({
      result: "ADMIT",
      holder: carol.toLowerCase(),
    });
  });

  it("bad reconcile bodies are 400 with reasons, never a 500", async () => {
    for (const admissions of [
      [{ tokenId: "x", holder: alice, admittedAt: new Date().toISOString() }],
      [{ tokenId: "5", holder: "0x12", admittedAt: new Date().toISOString() }],
      [{ tokenId: "5", holder: alice, admittedAt: "yesterday" }],
    ]) {
      expect((await reconcile(north, admissions)).status).toBe(400);
    }
    const future = await reconcile(north, [
      { tokenId: "5", holder: alice, admittedAt: new Date(Date.now() + 3_600_000).toISOString() },
    ]);
    expect(future).toMatchObject({ status: 400, body: { error: { code: "MALFORMED" } } });
    expect(
      (await reconcile(north, Array(101).fill({ tokenId: "5", holder: alice, admittedAt: new Date().toISOString() })))
        .status,
    ).toBe(400);
  });

  it("bad token ids are refused whole: at or above 2^256, or not canonical decimal (400, nothing stored)", async () => {
    const at = new Date().toISOString();
    for (const tokenId of [(2n ** 256n).toString(), "9".repeat(78), "007", "-1", "+5", "5 "]) {
      expect((await reconcile(north, [{ tokenId, holder: alice, admittedAt: at }])).status, tokenId).toBe(400);
    }
    expect(
      (await reconcile(north, [{ tokenId: (2n ** 256n - 1n).toString(), holder: alice, admittedAt: at }])).status,
    ).toBe(200);
  });

  it("an admission time before 1970 (year 0000: PostgreSQL has none) is refused whole with 400, never a 500; 1970 itself is a stored conflict", async () => {
    const at = new Date().toISOString();
    const conflictsBefore = (await t.database.db.select().from(checkInConflicts)).length;
    for (const admittedAt of [
      "0000-06-15T12:00:00Z",
      "0001-01-01T00:00:00Z",
      "0026-12-07T10:00:00Z",
      "1969-12-31T23:59:59.999Z",
    ]) {
      const res = await reconcile(north, [
        { tokenId: "5", holder: alice, admittedAt: at },
        { tokenId: "5", holder: alice, admittedAt },
      ]);
      expect(res, admittedAt).toMatchObject({
        status: 400,
        body: { error: { code: "BAD_REQUEST", message: expect.stringMatching(/^admissions\.1\.admittedAt: /) } },
      });
    }
    expect(await t.database.db.select().from(checkIns).where(eq(checkIns.tokenId, 5n))).toEqual([]);
    expect(await t.database.db.select().from(checkInConflicts)).toHaveLength(conflictsBefore);
    const epoch = await reconcile(north, [{ tokenId: "5", holder: alice, admittedAt: "1970-01-01T00:00:00Z" }]);
    expect(epoch).toMatchObject({
      status: 200,
      body: {
        accepted: [],
        conflicts: [{ tokenId: "5", admittedAt: "1970-01-01T00:00:00.000Z", reason: "OUTSIDE_SNAPSHOT" }],
      },
    });
    const stored = await t.database.db
      .select()
      .from(checkInConflicts)
      .where(and(eq(checkInConflicts.tokenId, 5n), eq(checkInConflicts.gateId, "north-1")));
    expect(stored.map((c) => [c.admittedAt.toISOString(), c.reason])).toEqual([
      ["1970-01-01T00:00:00.000Z", "OUTSIDE_SNAPSHOT"],
    ]);
  });

  it("reconcile applies the online rules at the admission's time: every refusal is a stored conflict with its reason, never a check-in", async () => {
    const bob = getAddress(t.chain.bob.account!.address);
    await g.mintTier(event, TIER.vip, [alice]); // #7 (zones 0 and 1)
    await g.mintTier(event, TIER.general, [alice, alice]); // #8, #9
    await t.sync.syncToHead();
    const east = await g.gateToken(t.chain.bob, event, "east-vip", 1);
    const now = () => new Date().toISOString();
    // A session that never downloaded a snapshot has no offline window.
    expect((await reconcile(east, [{ tokenId: "7", holder: alice, admittedAt: now() }])).body).toMatchObject({
      accepted: [],
      conflicts: [{ tokenId: "7", reason: "OUTSIDE_SNAPSHOT" }],
    });
    const snapshotAt = Date.now();
    expect((await snapshotFor(east)).status).toBe(200);
    const res = await reconcile(east, [
      { tokenId: "7", holder: alice, admittedAt: new Date(snapshotAt - 10 * 60_000).toISOString() }, // back-dated before the snapshot
      { tokenId: "999", holder: alice, admittedAt: now() }, // no such ticket
      { tokenId: "9", holder: bob, admittedAt: now() }, // bob does not hold #9
      { tokenId: "8", holder: alice, admittedAt: now() }, // a general ticket at a VIP-only gate
      { tokenId: (2n ** 256n - 1n).toString(), holder: alice, admittedAt: now() },
    ]);
    expect(res.status).toBe(200);
    const reasons = Object.fromEntries(
      (res.body.conflicts as { tokenId: string; reason: string }[]).map((c) => [c.tokenId, c.reason]),
    );
    expect(res.body).toMatchObject({ accepted: [], duplicates: [] });
    expect(reasons).toEqual({
      "7": "OUTSIDE_SNAPSHOT",
      "999": "UNKNOWN_TOKEN",
      "9": "NOT_OWNER",
      "8": "ZONE_NOT_ALLOWED",
      [(2n ** 256n - 1n).toString()]: "UNKNOWN_TOKEN",
    });
    const stored = await t.database.db.select().from(checkInConflicts).where(eq(checkInConflicts.gateId, "east-vip"));
    expect(stored.map((c) => c.reason).sort()).toEqual([
      "NOT_OWNER",
      "OUTSIDE_SNAPSHOT",
      "OUTSIDE_SNAPSHOT",
      "UNKNOWN_TOKEN",
      "UNKNOWN_TOKEN",
      "ZONE_NOT_ALLOWED",
    ]);
    expect(await t.database.db.select().from(checkIns).where(eq(checkIns.gateId, "east-vip"))).toEqual([]);
    // The VIP ticket, dated inside the window, held by alice, is a check-in.
    expect((await reconcile(east, [{ tokenId: "7", holder: alice, admittedAt: now() }])).body).toMatchObject({
      accepted: ["7"],
      conflicts: [],
    });
  });

  it("the holder at the admission's time decides: before a transfer the sender held it, after it the receiver", async () => {
    const bob = getAddress(t.chain.bob.account!.address);
    await g.mintTier(event, TIER.general, [alice, alice]); // #10, #11
    await t.sync.syncToHead();
    const west = await g.gateToken(t.chain.bob, event, "west-1");
    expect((await snapshotFor(west)).status).toBe(200);
    // Alice gives #10 and #11 to bob in a block 30 s from now (after the snapshot).
    const transferAt = Math.ceil(Date.now() / 1000) + 30;
    await t.chain.publicClient.request({ method: "evm_setNextBlockTimestamp", params: [transferAt] } as never);
    const hash = await t.chain.alice.writeContract({
      address: event,
      abi: eventTicketAbi,
      functionName: "transferFrom",
      args: [alice, bob, 10n],
      account: t.chain.alice.account!,
      chain: t.chain.alice.chain,
    });
    await t.chain.publicClient.waitForTransactionReceipt({ hash });
    const hash2 = await t.chain.alice.writeContract({
      address: event,
      abi: eventTicketAbi,
      functionName: "transferFrom",
      args: [alice, bob, 11n],
      account: t.chain.alice.account!,
      chain: t.chain.alice.chain,
    });
    await t.chain.publicClient.waitForTransactionReceipt({ hash: hash2 });
    await t.sync.syncToHead();
    const before = new Date((transferAt - 20) * 1000).toISOString();
    const after = new Date((transferAt + 5) * 1000).toISOString();
    const res = await reconcile(west, [
      { tokenId: "10", holder: alice, admittedAt: before }, // alice still held it: a check-in
      { tokenId: "11", holder: alice, admittedAt: after }, // alice had given it away
    ]);
    expect(res.body).toMatchObject({ accepted: ["10"], conflicts: [{ tokenId: "11", reason: "NOT_OWNER" }] });
  });

  it("staff who sign in again hand in what the scanner admitted under the previous session of that gate", async () => {
    await g.mintTier(event, TIER.general, [alice]); // #12
    await t.sync.syncToHead();
    const first = await g.gateToken(t.chain.bob, event, "gate-9");
    expect((await snapshotFor(first)).status).toBe(200);
    const admittedAt = new Date().toISOString(); // offline, under the first session
    const again = await g.gateToken(t.chain.bob, event, "gate-9"); // the first one ended; no snapshot yet
    expect((await reconcile(again, [{ tokenId: "12", holder: alice, admittedAt }])).body).toMatchObject({
      accepted: ["12"],
      conflicts: [],
    });
    // Another gate's window is its own: a session of a gate that never downloaded a snapshot has none.
    const elsewhere = await g.gateToken(t.chain.bob, event, "gate-10");
    expect((await reconcile(elsewhere, [{ tokenId: "12", holder: alice, admittedAt }])).body).toMatchObject({
      conflicts: [{ tokenId: "12", reason: "OUTSIDE_SNAPSHOT" }],
    });
  });
});
