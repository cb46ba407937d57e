/**
 * Offline gates end to end against the real gate service and chain: signed snapshot (pinned key,
 * tamper refused), local verification with the network gone, queued admissions reconciled, and a
 * ticket admitted at two offline gates, or online and offline, reported as a conflict.
 */
import { eq } from "drizzle-orm";
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOfflineGate, OfflineSnapshotError, verifySnapshot, type SignedSnapshot } from "../../../lib/offline";
import { slotAt } from "../../../lib/pass";
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
  const res = await t.app.request("/gate/offline/snapshot", { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as SignedSnapshot };
}

const reconcile = (token: string, admissions: unknown[]) => t.post("/gate/offline/reconcile", { admissions }, { authorization: `Bearer ${token}` });

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
    expect(snap.delegations).toEqual([expect.objectContaining({ holder: alice.toLowerCase(), publicKey: device.publicKey })]);
  });

  it("a tampered snapshot, or one signed by another key, is refused", async () => {
    const { body } = await snapshotFor(north);
    const forgedOwner = body.payload.replace(alice.toLowerCase(), "0x000000000000000000000000000000000000dead");
    await expect(verifySnapshot({ ...body, payload: forgedOwner }, body.publicKey)).rejects.toThrow(OfflineSnapshotError);
    // A scanner that pinned another service's key refuses it, even with a matching signature inside.
    const foreign = createSnapshotSigner();
    await expect(verifySnapshot(body, foreign.publicKey)).rejects.toThrow(/does not trust/);
    const resigned = { ...body, payload: forgedOwner, signature: foreign.sign(new TextEncoder().encode(forgedOwner)), publicKey: foreign.publicKey };
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
    expect(await gateS.verify(await g.pass(device, event, 1n))).toMatchObject({ result: "ADMIT", tokenId: "1", gateId: "south-1" });
    expect(await gateN.verify(await g.pass(device, event, 2n))).toMatchObject({ result: "ADMIT", tokenId: "2" });
    // Replay of an old slot, a forged pass, and a ticket not in the snapshot, all denied offline.
    expect(await gateN.verify(await g.pass(device, event, 3n, slotAt(Date.now()) - 5))).toMatchObject({ result: "DENY", reason: "SLOT_EXPIRED" });
    expect(await gateN.verify(await g.pass(device, event, 99n))).toMatchObject({ result: "DENY", reason: "UNKNOWN_TOKEN" });
    expect(gateN.queued().map((a) => a.tokenId)).toEqual(["1", "2"]);

    const n = await reconcile(north, gateN.queued());
    expect(n).toMatchObject({ status: 200, body: { accepted: ["1", "2"], duplicates: [], conflicts: [] } });
    gateN.reconciled(["1", "2"]);
    expect(gateN.queued()).toEqual([]);

    const s = await reconcile(south, gateS.queued());
    expect(s.status).toBe(200);
    expect(s.body).toMatchObject({ accepted: [], duplicates: [], conflicts: [{ tokenId: "1", firstGateId: "north-1" }] });
    const stored = await t.database.db.select().from(checkInConflicts).where(eq(checkInConflicts.gateId, "south-1"));
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ tokenId: 1n, firstGateId: "north-1" });

    // A retried upload (the response was lost): recognised, nothing new stored.
    const again = await reconcile(south, gateS.queued());
    expect(again.body).toMatchObject({ conflicts: [{ tokenId: "1" }] });
    expect(await t.database.db.select().from(checkInConflicts)).toHaveLength(1);
    const [row2] = await t.database.db.select().from(checkIns).where(eq(checkIns.tokenId, 2n));
    const retryNorth = await reconcile(north, [{ tokenId: "2", holder: alice, admittedAt: row2!.checkedInAt.toISOString() }]);
    expect(retryNorth.body).toMatchObject({ accepted: [], duplicates: ["2"], conflicts: [] });

    // The online gate now refuses ticket 1 too.
    expect((await g.passScan(north, { pass: await g.pass(device, event, 1n) })).verdict).toMatchObject({ reason: "ALREADY_CHECKED_IN" });
  });

  it("online then offline: the offline admission of a ticket the online gate took is a conflict", async () => {
    const snap = (await snapshotFor(south)).body;
    const offline = createOfflineGate(await verifySnapshot(snap, snap.publicKey));
    expect((await g.passScan(north, { pass: await g.pass(device, event, 4n) })).verdict).toMatchObject({ result: "ADMIT" });
    expect(await offline.verify(await g.pass(device, event, 4n))).toMatchObject({ result: "ADMIT" }); // the snapshot predates it
    const res = await reconcile(south, offline.queued());
    expect(res.body).toMatchObject({ accepted: [], conflicts: [{ tokenId: "4", firstGateId: "north-1" }] });
    // A later snapshot knows ticket 4 (and 1, 2) were admitted.
    const later = await verifySnapshot((await snapshotFor(south)).body, snap.publicKey);
    expect(later.checkedIn.sort()).toEqual(["1", "2", "4"]);
    expect(await createOfflineGate(later).verify(await g.pass(device, event, 4n))).toMatchObject({ result: "DENY", reason: "ALREADY_CHECKED_IN" });
  });

  it("bad reconcile bodies are 400 with reasons, never a 500", async () => {
    for (const admissions of [[{ tokenId: "x", holder: alice, admittedAt: new Date().toISOString() }], [{ tokenId: "5", holder: "0x12", admittedAt: new Date().toISOString() }], [{ tokenId: "5", holder: alice, admittedAt: "yesterday" }]]) {
      expect((await reconcile(north, admissions)).status).toBe(400);
    }
    const future = await reconcile(north, [{ tokenId: "5", holder: alice, admittedAt: new Date(Date.now() + 3_600_000).toISOString() }]);
    expect(future).toMatchObject({ status: 400, body: { error: { code: "MALFORMED" } } });
    expect((await reconcile(north, Array(101).fill({ tokenId: "5", holder: alice, admittedAt: new Date().toISOString() }))).status).toBe(400);
  });
});
