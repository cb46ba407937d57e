/** The offline verifier on a hand-made snapshot: every reason it can give, with no network at all. */
import { describe, expect, it } from "vitest";
import { identityCommitment } from "../identity/identity-commitment";
import { webCryptoIdentityCommitter } from "./identity-check";
import {
  createDeviceKey,
  exportDevicePublicKey,
  flipS,
  fromBase64Url,
  keyIdOf,
  signPass,
  slotAt,
  toBase64Url,
} from "../pass";
import { createOfflineGate } from "./offline-gate";
import type { Snapshot } from "./snapshot";

const EVENT = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as const;
const HOLDER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8" as const;
const PEPPER = "offline-pepper-0123456789";
const NAMED = identityCommitment(PEPPER, "X1234567");
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

async function setup(edit: (s: Snapshot) => void = () => {}, options: Parameters<typeof createOfflineGate>[2] = {}) {
  const keys = await createDeviceKey();
  const publicKey = await exportDevicePublicKey(keys.publicKey);
  const keyId = await keyIdOf(publicKey);
  const snapshot: Snapshot = {
    version: 3,
    chainId: 31337,
    contract: EVENT,
    gateId: "field-3",
    zone: 0,
    issuedAt: Date.now(),
    slotSeconds: 10,
    skewSlots: 1,
    cancelled: false,
    // #5 VIP-only tier (zone bit 1), #6 named, #7 tier unknown to the mirror.
    owners: [
      ["1", HOLDER, 5, 0b01, null],
      ["2", "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc", 5, 0b01, null],
      ["3", HOLDER, 50, 0b01, null],
      ["4", HOLDER, 5, 0b01, null],
      ["5", HOLDER, 5, 0b10, null],
      ["6", HOLDER, 5, 0b01, NAMED],
      ["7", HOLDER, 5, null, null],
      ["8", HOLDER, 5, 0b01, null, Math.floor(Date.now() / 1000) - 60], // real-name deadline passed, unbound
      ["10", HOLDER, 5, 0b01, null, Math.floor(Date.now() / 1000) + 3600], // deadline still ahead
    ],
    delegations: [
      { keyId: hex(keyId), publicKey, holder: HOLDER, expiresAt: Date.now() + 3_600_000, createdBlock: 10 },
    ],
    checkedIn: ["4"],
  };
  edit(snapshot);
  const pass = (tokenId: bigint, o: { slot?: number; chainId?: number; contract?: `0x${string}` } = {}) =>
    signPass(keys.privateKey, {
      chainId: o.chainId ?? 31337,
      contract: o.contract ?? EVENT,
      tokenId,
      slot: o.slot ?? slotAt(Date.now()),
      keyId,
    });
  return { gate: createOfflineGate(snapshot, [], options), pass, snapshot };
}

describe("offline gate verifier", () => {
  it("admits once and queues the admission", async () => {
    const { gate, pass } = await setup();
    expect(await gate.verify(await pass(1n))).toMatchObject({
      result: "ADMIT",
      tokenId: "1",
      gateId: "field-3",
      holder: HOLDER,
    });
    expect(await gate.verify(await pass(1n))).toMatchObject({ result: "DENY", reason: "ALREADY_CHECKED_IN" });
    expect(gate.queued()).toEqual([{ tokenId: "1", holder: HOLDER, admittedAt: expect.any(String) }]);
  });

  it("gives the online gate's reason codes", async () => {
    const { gate, pass } = await setup();
    const cases: [string | Promise<string>, string][] = [
      ["not a pass", "MALFORMED"],
      [pass(1n, { chainId: 1 }), "WRONG_CHAIN"],
      [pass(1n, { contract: "0x0000000000000000000000000000000000000001" }), "WRONG_EVENT"],
      [pass(1n, { slot: slotAt(Date.now()) - 3 }), "SLOT_EXPIRED"],
      [pass(1n, { slot: slotAt(Date.now()) + 3 }), "SLOT_IN_FUTURE"],
      [pass(2n), "NOT_OWNER"],
      [pass(3n), "NO_DELEGATION"], // moved after the delegation (block 50 > 10)
      [pass(4n), "ALREADY_CHECKED_IN"], // admitted before the snapshot
      [pass(9n), "UNKNOWN_TOKEN"],
      [pass(8n), "IDENTITY_UNBOUND"],
    ];
    for (const [p, reason] of cases)
      expect(await gate.verify(await p), reason).toMatchObject({ result: "DENY", reason });
    // Forged and high-s twins of a valid pass.
    const bytes = fromBase64Url(await pass(1n));
    const sig = bytes.subarray(bytes.length - 64);
    const twin = new Uint8Array(bytes);
    twin.set(flipS(sig), bytes.length - 64);
    expect(await gate.verify(toBase64Url(twin))).toMatchObject({ reason: "BAD_SIGNATURE" });
    const forged = new Uint8Array(bytes);
    forged[bytes.length - 1]! ^= 1;
    expect(await gate.verify(toBase64Url(forged))).toMatchObject({ reason: "BAD_SIGNATURE" });
    expect(gate.queued()).toEqual([]);
  });

  it("DELEGATION_EXPIRED, and SNAPSHOT_BEHIND for a device key the snapshot does not know", async () => {
    const expired = await setup((s) => (s.delegations[0]!.expiresAt = Date.now() - 1));
    expect(await expired.gate.verify(await expired.pass(1n))).toMatchObject({ reason: "DELEGATION_EXPIRED" });
    // Offline, an unknown key may be a phone set up after the snapshot: the gate names its list's age, not the fan.
    const none = await setup((s) => (s.delegations = []));
    const behind = await none.gate.verify(await none.pass(1n));
    expect(behind).toMatchObject({ result: "DENY", reason: "SNAPSHOT_BEHIND", snapshotAt: none.snapshot.issuedAt });
  });

  it("a queue restored after a restart still blocks a second admission, and reconciled() empties it", async () => {
    const { gate, pass, snapshot } = await setup();
    await gate.verify(await pass(1n));
    const restarted = createOfflineGate(snapshot, gate.queued());
    expect(await restarted.verify(await pass(1n))).toMatchObject({ result: "DENY", reason: "ALREADY_CHECKED_IN" });
    expect(restarted.queued().map((a) => a.tokenId)).toEqual(["1"]);
    restarted.reconciled(["1"]);
    expect(restarted.queued()).toEqual([]);
  });

  it("ZONE_NOT_ALLOWED: a general gate refuses a VIP-only tier, a VIP gate admits it; an unknown tier is refused", async () => {
    const general = await setup();
    expect(await general.gate.verify(await general.pass(5n))).toMatchObject({
      result: "DENY",
      reason: "ZONE_NOT_ALLOWED",
      tokenId: "5",
    });
    expect(await general.gate.verify(await general.pass(7n))).toMatchObject({
      result: "DENY",
      reason: "ZONE_NOT_ALLOWED",
      tokenId: "7",
    });
    const vip = await setup((s) => (s.zone = 1));
    expect(await vip.gate.verify(await vip.pass(5n))).toMatchObject({ result: "ADMIT", tokenId: "5" });
    expect(await vip.gate.verify(await vip.pass(1n))).toMatchObject({ result: "DENY", reason: "ZONE_NOT_ALLOWED" });
    expect(general.gate.queued()).toEqual([]);
  });

  it("CANCELLED: a snapshot of a cancelled event admits no one", async () => {
    const { gate, pass } = await setup((s) => (s.cancelled = true));
    expect(await gate.verify(await pass(1n))).toMatchObject({ result: "DENY", reason: "CANCELLED" });
    expect(gate.queued()).toEqual([]);
  });

  it("named tickets: IDENTITY_REQUIRED without an ID or a way to check it, IDENTITY_MISMATCH, ADMIT on the right ID", async () => {
    const blind = await setup();
    expect(await blind.gate.verify(await blind.pass(6n), Date.now(), "X1234567")).toMatchObject({
      result: "DENY",
      reason: "IDENTITY_REQUIRED",
    });
    const { gate, pass } = await setup(() => {}, { commitIdentity: webCryptoIdentityCommitter(PEPPER) });
    expect(await gate.verify(await pass(6n))).toMatchObject({ result: "DENY", reason: "IDENTITY_REQUIRED" });
    const wrong = await gate.verify(await pass(6n), Date.now(), "Z7654321");
    expect(wrong).toMatchObject({ result: "DENY", reason: "IDENTITY_MISMATCH" });
    expect(JSON.stringify(wrong)).not.toContain("Z7654321"); // the ID is never echoed
    // Same normalisation as the server: spaces, dashes and case do not matter.
    expect(await gate.verify(await pass(6n), Date.now(), "x 123-4567")).toMatchObject({
      result: "ADMIT",
      tokenId: "6",
    });
    expect(await gate.verify(await pass(6n), Date.now(), "X1234567")).toMatchObject({
      result: "DENY",
      reason: "ALREADY_CHECKED_IN",
    });
  });

  it("IDENTITY_UNBOUND only once the real-name deadline has passed, checked before the ID", async () => {
    const { gate, pass } = await setup();
    expect(await gate.verify(await pass(8n), Date.now(), "X1234567")).toMatchObject({
      result: "DENY",
      reason: "IDENTITY_UNBOUND",
    });
    expect(await gate.verify(await pass(10n))).toMatchObject({ result: "ADMIT", tokenId: "10" });
  });

  it("the WebCrypto commitment equals the server's node:crypto one", async () => {
    expect(await webCryptoIdentityCommitter(PEPPER)(" ab 123-45.6/7 ")).toBe(identityCommitment(PEPPER, "AB1234567"));
  });
});
