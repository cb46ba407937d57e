/**
 * Snapshot deltas against the real gate service and chain (issue 20, item 2): a fan who sets up the
 * phone after the gate's snapshot is refused offline with SNAPSHOT_BEHIND (the gate's list is old,
 * not the fan's fault), and admitted once the gate merges a signed delta; admissions at other gates
 * and a cancellation reach the offline gate the same way.
 */
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { denyWords } from "../../../lib/gate/reasons";
import {
  createOfflineGate,
  mergeDelta,
  verifyDelta,
  verifySnapshot,
  type SignedSnapshot,
  type Snapshot,
} from "../../../lib/offline";
import { gateFixture, TIER } from "../../testing/gate-fixture";
import { createTestApp, type TestApp } from "../../testing/test-app";

let t: TestApp;
let g: ReturnType<typeof gateFixture>;
let event: Address;
let north: string;
let south: string;

async function get(path: string, token?: string): Promise<{ status: number; body: SignedSnapshot }> {
  const res = await t.app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json()) as SignedSnapshot };
}

const deltaSince = (s: Snapshot, token = north) => get(`/gate/offline/delta?block=${s.block}&at=${s.issuedAt}`, token);

beforeAll(async () => {
  t = await createTestApp({ scanRatePerSecond: 1_000 });
  g = gateFixture(t);
  event = await g.createTieredEvent("Delta Night");
  await g.grantGateRole(event, t.chain.bob.account!.address);
  await g.mintTier(event, TIER.general, Array(3).fill(getAddress(t.chain.alice.account!.address))); // #1..#3
  await t.sync.syncToHead();
  north = await g.gateToken(t.chain.bob, event, "north-1");
  south = await g.gateToken(t.chain.bob, event, "south-1");
}, 180_000);
afterAll(() => t.close());

describe("offline snapshot deltas", () => {
  it("snapshot → fan sets up the phone → offline: SNAPSHOT_BEHIND without the delta, ADMIT with it", async () => {
    const signed = (await get("/gate/offline/snapshot", north)).body;
    const pinned = signed.publicKey;
    const snapshot = await verifySnapshot(signed, pinned);
    expect(snapshot.delegations).toEqual([]);
    expect(snapshot.block).toBeGreaterThan(0);

    const { device, res } = await g.delegate(t.chain.alice, event); // the phone is set up after the snapshot
    expect(res.status).toBe(200);
    const pass = await g.pass(device, event, 1n);

    const stale = await createOfflineGate(snapshot).verify(pass);
    expect(stale).toMatchObject({ result: "DENY", reason: "SNAPSHOT_BEHIND", snapshotAt: snapshot.issuedAt });
    expect(stale.result === "DENY" && denyWords(stale.reason, stale)).toMatch(
      /^This gate's list is from \d\d:\d\d; the phone was set up later\. Connect the gate or check the fan's ID\.$/,
    );

    const d = await deltaSince(snapshot);
    expect(d.status).toBe(200);
    const delta = await verifyDelta(d.body, pinned);
    expect(delta.delegations).toEqual([expect.objectContaining({ publicKey: device.publicKey })]);
    expect(delta.owners).toEqual([]); // nothing moved: only the new key
    const current = mergeDelta(snapshot, delta);
    expect(await createOfflineGate(current).verify(pass)).toMatchObject({ result: "ADMIT", tokenId: "1" });
  });

  it("an admission at another gate and a cancellation reach the offline gate through a delta", async () => {
    const signed = (await get("/gate/offline/snapshot", north)).body;
    const snapshot = await verifySnapshot(signed, signed.publicKey);
    const { device } = await g.delegate(t.chain.alice, event);
    // Ticket #2 is admitted online at the south gate after north's snapshot.
    const online = await g.passScan(south, { pass: await g.pass(device, event, 2n) });
    expect(online.verdict).toMatchObject({ result: "ADMIT", tokenId: "2" });

    const merged = mergeDelta(snapshot, await verifyDelta((await deltaSince(snapshot)).body, signed.publicKey));
    expect(merged.checkedIn).toContain("2");
    const gate = createOfflineGate(merged);
    expect(await gate.verify(await g.pass(device, event, 2n))).toMatchObject({ reason: "ALREADY_CHECKED_IN" });

    await g.cancelEvent(event);
    await t.sync.syncToHead();
    const later = await verifyDelta((await deltaSince(snapshot)).body, signed.publicKey);
    expect(later.cancelled).toBe(true);
    expect(await createOfflineGate(mergeDelta(snapshot, later)).verify(await g.pass(device, event, 3n))).toMatchObject({
      reason: "CANCELLED",
    });
  });

  it("needs a scanner session and a sane cursor", async () => {
    const now = t.clock.now().getTime();
    // A session of its own: the deltas above spent north's burst, and the per-session limit refills in real time.
    const west = await g.gateToken(t.chain.bob, event, "west-1");
    expect((await get(`/gate/offline/delta?block=0&at=${now}`)).status).toBe(401);
    expect((await get("/gate/offline/delta?block=x&at=1", west)).status).toBe(400);
    expect((await get("/gate/offline/delta?block=0", west)).status).toBe(400);
    // Older than the limit, or from the future: download a full snapshot instead.
    expect((await get(`/gate/offline/delta?block=0&at=${now - 13 * 3_600_000}`, west)).status).toBe(400);
    expect((await get(`/gate/offline/delta?block=0&at=${now + 3_600_000}`, west)).status).toBe(400);
  });
});
