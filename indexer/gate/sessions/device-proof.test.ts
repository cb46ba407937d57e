/** Device-bound sessions: only a fresh signature by the registered key over this exact request passes. */
import { describe, expect, it } from "vitest";
import { DEVICE_SIGNATURE_HEADER, DEVICE_TIME_HEADER, signDeviceRequest } from "../../../lib/gate/request-signature";
import { scanVerdictSchema } from "../../../lib/indexer-client/call-schemas";
import { postIndexerJson } from "../../../lib/indexer-client/post-json";
import { createDeviceKey, exportDevicePublicKey } from "../../../lib/pass";
import { GateDenial } from "../gate-denial";
import { checkDeviceProof, deviceKeyObject, type DeviceProof } from "./device-proof";

const body = JSON.stringify({ pass: "AQ..." });
const parts = { method: "POST", path: "/gate/pass/scan", body };

async function device() {
  const keys = await createDeviceKey();
  return { keys, key: deviceKeyObject(await exportDevicePublicKey(keys.publicKey)) };
}

async function proof(keys: CryptoKeyPair, timeMs: number, over = parts): Promise<DeviceProof> {
  const h = await signDeviceRequest(keys.privateKey, { ...over, timeMs });
  return { ...parts, time: h[DEVICE_TIME_HEADER], signature: h[DEVICE_SIGNATURE_HEADER] };
}

const refused = (fn: () => void) => {
  try {
    fn();
  } catch (err) {
    return err instanceof GateDenial ? err.reason : String(err);
  }
  return "passed";
};

describe("device proof", () => {
  it("passes for the registered key, now", async () => {
    const { keys, key } = await device();
    const now = Date.now();
    expect(refused(() => checkDeviceProof(key, undefined, now))).toBe("GATE_UNAUTHORIZED");
    const p = await proof(keys, now);
    expect(refused(() => checkDeviceProof(key, p, now))).toBe("passed");
    expect(refused(() => checkDeviceProof(key, p, now + 29_000))).toBe("passed"); // within the skew
  });

  it("refuses another device, a stale or future time, another body or path, and missing or garbled headers", async () => {
    const { keys, key } = await device();
    const other = await device();
    const now = Date.now();
    const cases: DeviceProof[] = [
      await proof(other.keys, now), // the token copied to another device
      await proof(keys, now - 31_000),
      await proof(keys, now + 31_000),
      { ...(await proof(keys, now, { ...parts, body: "{}" })) }, // signed another body
      { ...(await proof(keys, now, { ...parts, path: "/gate/offline/reconcile" })) }, // another route
      { ...(await proof(keys, now)), time: undefined },
      { ...(await proof(keys, now)), signature: undefined },
      { ...(await proof(keys, now)), signature: "not base64url!" },
      { ...(await proof(keys, now)), time: "1e3" },
    ];
    for (const [i, p] of cases.entries())
      expect(
        refused(() => checkDeviceProof(key, p, now)),
        `case ${i}`,
      ).toBe("GATE_UNAUTHORIZED");
  });

  it("a registered key must be a P-256 point", () => {
    expect(() => deviceKeyObject("A".repeat(87))).toThrow(/P-256|point/);
    expect(() => deviceKeyObject("short")).toThrow();
  });

  it("accepts what the shared client sends with `deviceKey` (the app's and the CLI's path)", async () => {
    const { keys, key } = await device();
    let sent: DeviceProof | undefined;
    const capture = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = init!.headers as Record<string, string>;
      sent = {
        method: init!.method!,
        path: new URL(String(input)).pathname,
        body: String(init!.body),
        time: headers[DEVICE_TIME_HEADER],
        signature: headers[DEVICE_SIGNATURE_HEADER],
      };
      return Response.json({ result: "ADMIT" });
    }) as typeof fetch;
    await postIndexerJson("http://gate.test/", "/gate/pass/scan?x=1", { pass: "AQ..." }, scanVerdictSchema, {
      token: "t",
      fetch: capture,
      deviceKey: keys.privateKey,
    });
    expect(refused(() => checkDeviceProof(key, sent, Date.now()))).toBe("passed");
    expect(refused(() => checkDeviceProof(key, { ...sent!, body: '{"pass":"other"}' }, Date.now()))).toBe(
      "GATE_UNAUTHORIZED",
    );
  });
});
