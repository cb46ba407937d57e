/** Merging signed deltas into an offline snapshot, and the offline verdict on a phone set up after the snapshot. */
import { describe, expect, it } from "vitest";
import { denyWords } from "../gate/reasons";
import { createDeviceKey, exportDevicePublicKey, keyIdOf, signPass, slotAt, toBase64Url } from "../pass";
import { createOfflineGate } from "./offline-gate";
import { OfflineSnapshotError, verifySnapshot, type SignedSnapshot, type Snapshot } from "./snapshot";
import { DELTA_VERSION, mergeDelta, verifyDelta, type SnapshotDelta } from "./snapshot-delta";

const EVENT = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as const;
const ALICE = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8" as const;
const BOB = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc" as const;
const T = Date.now() - 120_000;
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

const base = (): Snapshot => ({
  version: 3,
  chainId: 31337,
  contract: EVENT,
  gateId: "north-1",
  zone: 0,
  issuedAt: T,
  block: 10,
  slotSeconds: 10,
  skewSlots: 1,
  cancelled: false,
  owners: [
    ["1", ALICE, 5, 0b01, null],
    ["2", ALICE, 5, 0b01, null],
    ["3", ALICE, 5, 0b01, null],
  ],
  delegations: [],
  checkedIn: [],
});

const delta = (o: Partial<SnapshotDelta> = {}): SnapshotDelta => ({
  kind: "delta",
  version: DELTA_VERSION,
  chainId: 31337,
  contract: EVENT,
  gateId: "north-1",
  zone: 0,
  since: { block: 10, issuedAt: T },
  block: 12,
  issuedAt: T + 60_000,
  cancelled: false,
  owners: [],
  burned: [],
  delegations: [],
  checkedIn: [],
  ...o,
});

/** A phone set up after the snapshot: its device key and a pass signer. */
async function phone(holder: `0x${string}`, createdBlock: number) {
  const keys = await createDeviceKey();
  const publicKey = await exportDevicePublicKey(keys.publicKey);
  const keyId = await keyIdOf(publicKey);
  return {
    delegation: { keyId: hex(keyId), publicKey, holder, expiresAt: Date.now() + 3_600_000, createdBlock },
    pass: (tokenId: bigint) =>
      signPass(keys.privateKey, { chainId: 31337, contract: EVENT, tokenId, slot: slotAt(Date.now()), keyId }),
  };
}

/** Signs like the gate service (ECDSA P-256/SHA-256, raw r‖s). */
async function signer() {
  const pair = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]);
  const publicKey = toBase64Url(new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey)));
  return {
    publicKey,
    async sign(value: unknown): Promise<SignedSnapshot> {
      const payload = JSON.stringify(value);
      const sig = await crypto.subtle.sign(
        { name: "ECDSA", hash: "SHA-256" },
        pair.privateKey,
        new TextEncoder().encode(payload),
      );
      return { payload, signature: toBase64Url(new Uint8Array(sig)), publicKey };
    },
  };
}

describe("snapshot deltas", () => {
  it("a phone set up after the snapshot: SNAPSHOT_BEHIND on the snapshot, ADMIT once the delta is merged", async () => {
    const fan = await phone(ALICE, 11);
    const snapshot = base();
    const before = await createOfflineGate(snapshot).verify(await fan.pass(1n));
    expect(before).toMatchObject({ result: "DENY", reason: "SNAPSHOT_BEHIND", snapshotAt: T });
    const merged = mergeDelta(snapshot, delta({ delegations: [fan.delegation] }));
    expect(await createOfflineGate(merged).verify(await fan.pass(1n))).toMatchObject({
      result: "ADMIT",
      tokenId: "1",
      holder: ALICE,
    });
  });

  it("transfers, mints, burns, admissions elsewhere and a cancellation replace what the snapshot said", async () => {
    const bob = await phone(BOB, 12);
    const merged = mergeDelta(
      base(),
      delta({
        owners: [
          ["1", BOB, 12, 0b01, null], // sent to Bob after the snapshot
          ["9", ALICE, 11, 0b01, null], // minted after it
        ],
        burned: ["3"],
        delegations: [bob.delegation],
        checkedIn: ["2"],
      }),
    );
    expect(merged).toMatchObject({ issuedAt: T + 60_000, block: 12, checkedIn: ["2"] });
    expect(merged.owners.map((o) => o.slice(0, 2))).toEqual([
      ["1", BOB],
      ["2", ALICE],
      ["9", ALICE],
    ]);
    const gate = createOfflineGate(merged);
    expect(await gate.verify(await bob.pass(1n))).toMatchObject({ result: "ADMIT", holder: BOB });
    expect(await gate.verify(await bob.pass(3n))).toMatchObject({ result: "DENY", reason: "UNKNOWN_TOKEN" });
    const cancelled = mergeDelta(
      merged,
      delta({ since: { block: 12, issuedAt: T + 60_000 }, issuedAt: T + 90_000, cancelled: true }),
    );
    expect(await createOfflineGate(cancelled).verify(await bob.pass(1n))).toMatchObject({ reason: "CANCELLED" });
  });

  it("refuses a delta of another gate, zone or event, one with a gap, and a snapshot without a cursor; an older delta changes nothing", () => {
    const snapshot = base();
    for (const wrong of [{ gateId: "south-1" }, { zone: 1 }, { contract: BOB }, { chainId: 1 }] as const)
      expect(() => mergeDelta(snapshot, delta(wrong)), JSON.stringify(wrong)).toThrow(OfflineSnapshotError);
    expect(() => mergeDelta(snapshot, delta({ since: { block: 11, issuedAt: T } }))).toThrow(/starts after/);
    expect(() => mergeDelta(snapshot, delta({ since: { block: 10, issuedAt: T + 1 } }))).toThrow(/starts after/);
    const { block: _, ...noCursor } = snapshot;
    expect(() => mergeDelta(noCursor, delta())).toThrow(/no cursor/);
    expect(mergeDelta(snapshot, delta({ issuedAt: T, owners: [["1", BOB, 12, 1, null]] }))).toBe(snapshot);
  });

  it("only the pinned key's deltas are taken, and a delta never passes for a snapshot (nor the reverse)", async () => {
    const service = await signer();
    const other = await signer();
    const signedDelta = await service.sign(delta());
    expect(await verifyDelta(signedDelta, service.publicKey)).toMatchObject({ kind: "delta", block: 12 });
    await expect(verifyDelta(signedDelta, other.publicKey)).rejects.toThrow(/does not trust/);
    await expect(
      verifyDelta({ ...signedDelta, payload: signedDelta.payload.replace("12", "13") }, service.publicKey),
    ).rejects.toThrow(OfflineSnapshotError);
    await expect(verifySnapshot(signedDelta, service.publicKey)).rejects.toThrow(OfflineSnapshotError);
    await expect(verifyDelta(await service.sign(base()), service.publicKey)).rejects.toThrow(/not a snapshot delta/);
  });

  it("SNAPSHOT_BEHIND's words name the list's time (HH:MM, local) and send staff to the network or the ID", () => {
    const at = new Date(2026, 11, 7, 9, 5).getTime();
    expect(denyWords("SNAPSHOT_BEHIND", { snapshotAt: at })).toBe(
      "This gate's list is from 09:05; the phone was set up later. Connect the gate or check the fan's ID.",
    );
    expect(denyWords("SNAPSHOT_BEHIND")).toMatch(/older than this phone's pass/);
    expect(denyWords("NOT_OWNER", { snapshotAt: at })).toBe("This wallet does not hold the ticket.");
  });
});
