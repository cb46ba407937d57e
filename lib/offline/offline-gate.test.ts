/** The offline verifier on a hand-made snapshot: every reason it can give, with no network at all. */
import { describe, expect, it } from "vitest";
import { createDeviceKey, exportDevicePublicKey, flipS, fromBase64Url, keyIdOf, signPass, slotAt, toBase64Url } from "../pass";
import { createOfflineGate } from "./offline-gate";
import type { Snapshot } from "./snapshot";

const EVENT = "0x5FbDB2315678afecb367f032d93F642f64180aa3" as const;
const HOLDER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8" as const;
const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

async function setup(edit: (s: Snapshot) => void = () => {}) {
  const keys = await createDeviceKey();
  const publicKey = await exportDevicePublicKey(keys.publicKey);
  const keyId = await keyIdOf(publicKey);
  const snapshot: Snapshot = {
    version: 1,
    chainId: 31337,
    contract: EVENT,
    gateId: "field-3",
    zone: 0,
    issuedAt: Date.now(),
    slotSeconds: 10,
    skewSlots: 1,
    owners: [["1", HOLDER, 5], ["2", "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc", 5], ["3", HOLDER, 50], ["4", HOLDER, 5]],
    delegations: [{ keyId: hex(keyId), publicKey, holder: HOLDER, expiresAt: Date.now() + 3_600_000, createdBlock: 10 }],
    checkedIn: ["4"],
  };
  edit(snapshot);
  const pass = (tokenId: bigint, o: { slot?: number; chainId?: number; contract?: `0x${string}` } = {}) =>
    signPass(keys.privateKey, { chainId: o.chainId ?? 31337, contract: o.contract ?? EVENT, tokenId, slot: o.slot ?? slotAt(Date.now()), keyId });
  return { gate: createOfflineGate(snapshot), pass, snapshot };
}

describe("offline gate verifier", () => {
  it("admits once and queues the admission", async () => {
    const { gate, pass } = await setup();
    expect(await gate.verify(await pass(1n))).toMatchObject({ result: "ADMIT", tokenId: "1", gateId: "field-3", holder: HOLDER });
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
    ];
    for (const [p, reason] of cases) expect(await gate.verify(await p), reason).toMatchObject({ result: "DENY", reason });
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

  it("DELEGATION_EXPIRED and a device key the snapshot does not know", async () => {
    const expired = await setup((s) => (s.delegations[0]!.expiresAt = Date.now() - 1));
    expect(await expired.gate.verify(await expired.pass(1n))).toMatchObject({ reason: "DELEGATION_EXPIRED" });
    const none = await setup((s) => (s.delegations = []));
    expect(await none.gate.verify(await none.pass(1n))).toMatchObject({ reason: "NO_DELEGATION" });
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
});
