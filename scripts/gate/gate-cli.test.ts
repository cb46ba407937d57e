/**
 * The scan CLI against the real gate service on loopback: door staff redeem an invite (binding the
 * session to this device's key), scan a live pass (ADMIT, exit 0), scan it again (DENY
 * ALREADY_CHECKED_IN, exit 1), garbage (DENY MALFORMED); the token copied to another device, or
 * sent unsigned, is refused; no session or no service is exit 2. One run as a real process checks
 * the exit code.
 */
import { serve, type ServerType } from "@hono/node-server";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gateFixture, TIER, type Device } from "../../indexer/testing/gate-fixture";
import { createTestApp, type TestApp } from "../../indexer/testing/test-app";
import { repoRoot } from "../lib/build-contracts";
import { signDeviceRequest } from "../../lib/gate/request-signature";
import { loadDeviceKey, newDeviceKey } from "./device-key-file";
import { EXIT, runGateCli } from "./gate-cli";

let t: TestApp;
let g: ReturnType<typeof gateFixture>;
let server: ServerType;
let url: string;
let event: Address;
let device: Device;
let token: string;
const keyDir = mkdtempSync(join(tmpdir(), "fairgate-cli-key-"));
const KEY_FILE = join(keyDir, "device-key.json");

async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runGateCli(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { GATE_INDEXER_URL: url, GATE_DEVICE_KEY_FILE: KEY_FILE, ...env },
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

beforeAll(async () => {
  t = await createTestApp({ scanRatePerSecond: 1_000 });
  g = gateFixture(t);
  event = await g.createTieredEvent("CLI Night");
  await g.mintTier(event, TIER.general, [getAddress(t.chain.alice.account!.address)]);
  await t.sync.syncToHead();
  device = (await g.delegate(t.chain.alice, event)).device;
  server = await new Promise((resolve) => {
    const s = serve({ fetch: t.app.fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await t.close();
  rmSync(keyDir, { recursive: true, force: true });
});

describe("npm run gate", () => {
  it("session invite: redeems the organizer's code and prints the token to export", async () => {
    const admin = await g.gateToken(t.chain.organizer, event, "office");
    const invite = await t.post("/gate/invites", { gateId: "door-2" }, { authorization: `Bearer ${admin}` });
    expect(invite.status).toBe(200);
    const res = await cli(["session", "invite", String(invite.body.code)]);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/Signed in as gate door-2/);
    token = /export GATE_SESSION_TOKEN=(\S+)/.exec(res.out)![1]!;
    expect(statSync(KEY_FILE).mode & 0o077).toBe(0); // the device key is this user's alone
    expect(await cli(["session", "invite", String(invite.body.code)])).toMatchObject({
      code: EXIT.error,
      err: expect.stringMatching(/GATE_UNAUTHORIZED/),
    });
  });

  it("scan: ADMIT exits 0, a second scan and garbage are DENY with the reason in words, exit 1", async () => {
    const pass = await g.pass(device, event, 1n);
    const first = await cli(["scan", pass], { GATE_SESSION_TOKEN: token });
    expect(first).toMatchObject({
      code: EXIT.admit,
      out: expect.stringMatching(/^ADMIT {2}ticket #1 .* gate door-2$/),
    });
    expect(await cli(["scan", await g.pass(device, event, 1n)], { GATE_SESSION_TOKEN: token })).toMatchObject({
      code: EXIT.deny,
      out: "DENY   ALREADY_CHECKED_IN: This ticket has already been admitted. (ticket #1)",
    });
    expect(await cli(["scan", "not-a-pass"], { GATE_SESSION_TOKEN: token })).toMatchObject({
      code: EXIT.deny,
      out: expect.stringMatching(/^DENY {3}MALFORMED: The pass could not be read\./),
    });
  });

  it("no session, a bad token setting, or no service: exit 2 with a clear message", async () => {
    expect(await cli(["scan", "x"])).toMatchObject({
      code: EXIT.error,
      err: expect.stringMatching(/no scanner session/),
    });
    expect(await cli(["scan", "x"], { GATE_SESSION_TOKEN: "short" })).toMatchObject({
      code: EXIT.error,
      err: expect.stringMatching(/GATE_SESSION_TOKEN/),
    });
    expect(
      await cli(["scan", "x"], { GATE_SESSION_TOKEN: token, GATE_INDEXER_URL: "http://127.0.0.1:9" }),
    ).toMatchObject({ code: EXIT.error, err: expect.stringMatching(/cannot reach/) });
    expect((await cli(["nonsense"])).code).toBe(EXIT.error);
  });

  it("as a real process, a DENY is exit status 1", async () => {
    const tsx = join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs");
    // Async: the gate service answers from this process's event loop.
    const child = spawn(
      process.execPath,
      ["--import", tsx, join(repoRoot, "scripts", "gate", "gate-cli.ts"), "scan", "garbage"],
      {
        env: { ...process.env, GATE_INDEXER_URL: url, GATE_SESSION_TOKEN: token, GATE_DEVICE_KEY_FILE: KEY_FILE },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    const status = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(stdout).toMatch(/DENY {3}MALFORMED/);
    expect(status).toBe(1);
  });

  it("the invite session is bound to the device key: a copied token, an unsigned, stale or altered request is refused", async () => {
    const pass = await g.pass(device, event, 1n);
    // The token copied to another device (its own key file): refused before any check of the pass.
    const otherFile = join(keyDir, "other-device.json");
    await (await newDeviceKey()).save(otherFile);
    expect(await cli(["scan", pass], { GATE_SESSION_TOKEN: token, GATE_DEVICE_KEY_FILE: otherFile })).toMatchObject({
      code: EXIT.deny,
      out: expect.stringMatching(/^DENY {3}GATE_UNAUTHORIZED/),
    });
    const body = JSON.stringify({ pass });
    const send = (headers: Record<string, string>, text = body) =>
      t.app.request("/gate/pass/scan", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...headers },
        body: text,
      });
    // The bare token, as a copied one would be used from curl.
    const unsigned = await send({});
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toMatchObject({ result: "DENY", reason: "GATE_UNAUTHORIZED" });
    const key = await loadDeviceKey(KEY_FILE);
    const sign = (timeMs: number, text = body) =>
      signDeviceRequest(key, { method: "POST", path: "/gate/pass/scan", timeMs, body: text });
    // Signed by the right key, but a minute old (a captured request replayed later).
    expect((await send(await sign(Date.now() - 60_000))).status).toBe(401);
    // Signed for another body (the signature moved onto a different scan).
    const other = JSON.stringify({ pass: await g.pass(device, event, 2n) });
    expect((await send(await sign(Date.now()), other)).status).toBe(401);
    // The right device, now: the pass is judged (ticket 1 was admitted above).
    const ok = await send(await sign(Date.now()));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ result: "DENY", reason: "ALREADY_CHECKED_IN" });
  });

  it("an invite cannot be redeemed without a valid device key", async () => {
    const admin = await g.gateToken(t.chain.organizer, event, "office");
    const invite = await t.post("/gate/invites", { gateId: "door-3" }, { authorization: `Bearer ${admin}` });
    expect((await t.post("/gate/session/invite", { code: invite.body.code })).status).toBe(400);
    const notAPoint = await t.post("/gate/session/invite", { code: invite.body.code, devicePublicKey: "A".repeat(87) });
    expect(notAPoint).toMatchObject({ status: 400, body: { error: { code: "MALFORMED" } } });
    // The refused attempts did not use up the code.
    const fine = await t.post("/gate/session/invite", {
      code: invite.body.code,
      devicePublicKey: (await newDeviceKey()).publicKey,
    });
    expect(fine).toMatchObject({ status: 200, body: { gateId: "door-3", devicePublicKey: expect.any(String) } });
  });
});
