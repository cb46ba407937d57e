/**
 * The scan CLI against the real gate service on loopback: door staff redeem an invite, scan a
 * live pass (ADMIT, exit 0), scan it again (DENY ALREADY_CHECKED_IN, exit 1), garbage (DENY
 * MALFORMED); no session or no service is exit 2. One run as a real process checks the exit code.
 */
import { serve, type ServerType } from "@hono/node-server";
import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gateFixture, TIER, type Device } from "../../indexer/testing/gate-fixture";
import { createTestApp, type TestApp } from "../../indexer/testing/test-app";
import { repoRoot } from "../lib/build-contracts";
import { EXIT, runGateCli } from "./gate-cli";

let t: TestApp;
let g: ReturnType<typeof gateFixture>;
let server: ServerType;
let url: string;
let event: Address;
let device: Device;
let token: string;

async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runGateCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env: { GATE_INDEXER_URL: url, ...env } });
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
    expect(await cli(["session", "invite", String(invite.body.code)])).toMatchObject({ code: EXIT.error, err: expect.stringMatching(/GATE_UNAUTHORIZED/) });
  });

  it("scan: ADMIT exits 0, a second scan and garbage are DENY with the reason in words, exit 1", async () => {
    const pass = await g.pass(device, event, 1n);
    const first = await cli(["scan", pass], { GATE_SESSION_TOKEN: token });
    expect(first).toMatchObject({ code: EXIT.admit, out: expect.stringMatching(/^ADMIT {2}ticket #1 .* gate door-2$/) });
    expect(await cli(["scan", await g.pass(device, event, 1n)], { GATE_SESSION_TOKEN: token })).toMatchObject({
      code: EXIT.deny,
      out: "DENY   ALREADY_CHECKED_IN: This ticket has already been admitted. (ticket #1)",
    });
    expect(await cli(["scan", "not-a-pass"], { GATE_SESSION_TOKEN: token })).toMatchObject({ code: EXIT.deny, out: expect.stringMatching(/^DENY {3}MALFORMED: The pass could not be read\./) });
  });

  it("no session, a bad token setting, or no service: exit 2 with a clear message", async () => {
    expect(await cli(["scan", "x"])).toMatchObject({ code: EXIT.error, err: expect.stringMatching(/no scanner session/) });
    expect(await cli(["scan", "x"], { GATE_SESSION_TOKEN: "short" })).toMatchObject({ code: EXIT.error, err: expect.stringMatching(/GATE_SESSION_TOKEN/) });
    expect(await cli(["scan", "x"], { GATE_SESSION_TOKEN: token, GATE_INDEXER_URL: "http://127.0.0.1:9" })).toMatchObject({ code: EXIT.error, err: expect.stringMatching(/cannot reach/) });
    expect((await cli(["nonsense"])).code).toBe(EXIT.error);
  });

  it("as a real process, a DENY is exit status 1", async () => {
    const tsx = join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs");
    // Async: the gate service answers from this process's event loop.
    const child = spawn(process.execPath, ["--import", tsx, join(repoRoot, "scripts", "gate", "gate-cli.ts"), "scan", "garbage"], {
      env: { ...process.env, GATE_INDEXER_URL: url, GATE_SESSION_TOKEN: token },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    const status = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(stdout).toMatch(/DENY {3}MALFORMED/);
    expect(status).toBe(1);
  });
});
