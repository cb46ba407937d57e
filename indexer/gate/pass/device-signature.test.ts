/**
 * The device signature check gives the same answers on the main thread and on the thread pool
 * (valid, wrong data, wrong key, high-s twin, wrong length), and goes to the pool only above its
 * in-flight threshold.
 */
import { createPublicKey, generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { flipS, normalizeLowS } from "../../../lib/pass/p256";
import { createDeviceSignatureVerifier } from "./device-signature";

const pair = () => generateKeyPairSync("ec", { namedCurve: "P-256" });

describe("device signature verifier", () => {
  const { privateKey, publicKey } = pair();
  const other = createPublicKey(pair().privateKey);
  const data = new TextEncoder().encode("fairgate pass v1 · slot 42");
  const good = normalizeLowS(new Uint8Array(sign("sha256", data, { key: privateKey, dsaEncoding: "ieee-p1363" })));
  // [case, arguments, answer, reaches the curve check (else refused by the low-s / length rule at once)]
  const cases: [string, Parameters<ReturnType<typeof createDeviceSignatureVerifier>["verify"]>, boolean, boolean][] = [
    ["valid", [publicKey, data, good], true, true],
    ["other data", [publicKey, new TextEncoder().encode("fairgate pass v1 · slot 43"), good], false, true],
    ["other key", [other, data, good], false, true],
    ["high-s twin (verifies mathematically)", [publicKey, data, flipS(good)], false, false],
    ["63 bytes", [publicKey, data, good.subarray(0, 63)], false, false],
    ["all zero", [publicKey, data, new Uint8Array(64)], false, false],
  ];

  it.each(cases)("%s: same answer on the main thread and on the thread pool", async (_, args, want, curve) => {
    const quiet = createDeviceSignatureVerifier(16);
    const sync = quiet.verify(...args);
    expect(typeof sync).toBe("boolean");
    expect(sync).toBe(want);

    const busy = createDeviceSignatureVerifier(0);
    busy.enter();
    const pooled = busy.verify(...args);
    if (curve) expect(pooled).toBeInstanceOf(Promise);
    else expect(pooled).toBe(false);
    expect(await pooled).toBe(want);
    busy.leave();
  });

  it("moves to the thread pool only above the threshold, and back when scans finish", async () => {
    const v = createDeviceSignatureVerifier(2);
    for (let i = 0; i < 2; i++) v.enter();
    expect(typeof v.verify(publicKey, data, good)).toBe("boolean");
    v.enter();
    const pooled = v.verify(publicKey, data, good);
    expect(pooled).toBeInstanceOf(Promise);
    expect(await pooled).toBe(true);
    v.leave();
    expect(typeof v.verify(publicKey, data, good)).toBe("boolean");
  });
});
