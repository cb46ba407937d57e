/**
 * Staff sessions outlive no authority (issue 18 #2): a wallet whose GATE_ROLE is revoked on chain
 * is refused at once for privileged calls (snapshot, reconcile) and within a minute for scans (the
 * session is then ended for every instance); the organizer lists the event's scanner sessions and
 * ends one at once. Before: the revoked wallet kept scanning and downloading snapshots for the
 * session's 12 hours, and an organizer could end only invite sessions.
 */
import { getAddress, keccak256, toHex, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi } from "../../../lib/generated/abis";
import type { GateSessionSummary } from "../../../lib/gate/invite-types";
import { STAFF_AUTHORITY_RECHECK } from "../../api/abuse-limits";
import { gateFixture, TIER, type Device } from "../../testing/gate-fixture";
import { createTestApp, type TestApp } from "../../testing/test-app";

let t: TestApp;
let g: ReturnType<typeof gateFixture>;
let event: Address;
let device: Device;
let organizer: string;

const get = async (path: string, token: string) => {
  const res = await t.app.request(path, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const del = async (path: string, token: string) => {
  const res = await t.app.request(path, { method: "DELETE", headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  t = await createTestApp({ scanRatePerSecond: 1_000 });
  g = gateFixture(t);
  event = await g.createTieredEvent("Authority Night");
  const alice = getAddress(t.chain.alice.account!.address);
  await g.mintTier(event, TIER.general, Array(6).fill(alice));
  await g.grantGateRole(event, t.chain.bob.account!.address);
  await g.grantGateRole(event, t.chain.carol.account!.address);
  await t.sync.syncToHead();
  device = (await g.delegate(t.chain.alice, event)).device;
  organizer = await g.gateToken(t.chain.organizer, event, "organizer");
});
afterAll(() => t.close());

describe("staff authority", () => {
  it("GATE_ROLE revoked on chain: the snapshot is refused at once, scans within a minute, and the session is ended", async () => {
    const snapshotSession = await g.gateToken(t.chain.bob, event, "north-1");
    const scanSession = await g.gateToken(t.chain.bob, event, "north-2");
    expect((await g.passScan(scanSession, { pass: await g.pass(device, event, 1n) })).verdict).toMatchObject({
      result: "ADMIT",
    });
    expect((await get("/gate/offline/snapshot", snapshotSession)).status).toBe(200);

    const hash = await t.chain.organizer.writeContract({
      address: event,
      abi: eventTicketAbi,
      functionName: "revokeRole",
      args: [keccak256(toHex("GATE_ROLE")), t.chain.bob.account!.address],
      account: t.chain.organizer.account!,
      chain: t.chain.organizer.chain,
    });
    await t.chain.publicClient.waitForTransactionReceipt({ hash });

    // Privileged: the role is read afresh.
    expect(await get("/gate/offline/snapshot", snapshotSession)).toMatchObject({
      status: 401,
      body: { error: { code: "GATE_UNAUTHORIZED" } },
    });
    // A scan is served from a role read at most maxAgeMs old; past it the role is read again and the scanner refused.
    t.clock.advance(STAFF_AUTHORITY_RECHECK.maxAgeMs + 1_000);
    expect(await g.passScan(scanSession, { pass: await g.pass(device, event, 2n) })).toMatchObject({
      status: 401,
      verdict: { reason: "GATE_UNAUTHORIZED" },
    });
    // Ended in the database: the organizer sees both sessions revoked.
    const { body } = await get("/gate/sessions", organizer);
    const bob = t.chain.bob.account!.address.toLowerCase();
    const bobs = (body.sessions as GateSessionSummary[]).filter((s) => s.staff === bob);
    expect(bobs.map((s) => s.status)).toEqual(["revoked", "revoked"]);
    expect((body.sessions as GateSessionSummary[]).find((s) => s.current)).toMatchObject({
      role: "admin",
      gateId: "organizer",
      status: "active",
    });
  });

  it("the organizer ends a scanner session: refused at once; only the event's organizer may list or end them", async () => {
    const carol = await g.gateToken(t.chain.carol, event, "south-1");
    expect((await g.passScan(carol, { pass: await g.pass(device, event, 3n) })).verdict).toMatchObject({
      result: "ADMIT",
    });
    const listed = (await get("/gate/sessions", organizer)).body.sessions as GateSessionSummary[];
    const carolSession = listed.find((s) => s.gateId === "south-1" && s.status === "active")!;
    expect(carolSession).toMatchObject({
      staff: t.chain.carol.account!.address.toLowerCase(),
      role: "gate",
      current: false,
    });

    // Staff cannot list or end sessions; another event's organizer cannot end this one.
    expect((await get("/gate/sessions", carol)).status).toBe(401);
    expect((await del(`/gate/sessions/${carolSession.id}`, carol)).status).toBe(401);
    const otherEvent = await g.createTieredEvent("Other Night");
    await t.sync.syncToHead();
    const otherOrganizer = await g.gateToken(t.chain.organizer, otherEvent, "organizer");
    expect((await del(`/gate/sessions/${carolSession.id}`, otherOrganizer)).status).toBe(401);
    expect((await del("/gate/sessions/not-an-id", organizer)).status).toBe(400);

    expect(await del(`/gate/sessions/${carolSession.id}`, organizer)).toMatchObject({
      status: 200,
      body: { id: carolSession.id },
    });
    expect(await g.passScan(carol, { pass: await g.pass(device, event, 4n) })).toMatchObject({
      status: 401,
      verdict: { reason: "GATE_UNAUTHORIZED" },
    });
  });
});
