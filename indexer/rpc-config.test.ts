/** The RPC side of the configuration: start block, poll interval by block time, request budget, new-heads socket. */
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "./config";

const FACTORY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const OTHER = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";

let dir: string;
let production: Record<string, string>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairgate-rpc-config-"));
  const keyFile = join(dir, "snapshot-key.pem");
  await writeFile(
    keyFile,
    generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "pem", type: "pkcs8" }),
  );
  // What any chain but the local one needs before the indexer starts at all (production-config.ts).
  production = {
    SIWE_DOMAINS: "tickets.example",
    IDENTITY_PEPPER: "a-production-pepper-0123",
    GATE_SNAPSHOT_KEY_FILE: keyFile,
  };
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("loadConfig: where sync starts", () => {
  it("takes FROM_BLOCK when given, even 0 (an explicit full scan)", () => {
    expect(loadConfig({ FACTORY_ADDRESS: FACTORY, FROM_BLOCK: "1000001" })).toMatchObject({
      fromBlock: 1_000_001,
      fromBlockSource: "FROM_BLOCK",
    });
    expect(loadConfig({ FACTORY_ADDRESS: FACTORY, FROM_BLOCK: "0" })).toMatchObject({
      fromBlock: 0,
      fromBlockSource: "FROM_BLOCK",
    });
  });

  it("takes the deployments file's fromBlock for FACTORY_ADDRESS alone when the file records that factory", async () => {
    const file = join(dir, "deployments.json");
    await writeFile(
      file,
      JSON.stringify({
        "31337": {
          chainId: 31337,
          factory: FACTORY,
          market: OTHER,
          fromBlock: 1_000_001,
          deployedAt: "2026-12-01T00:00:00Z",
        },
      }),
    );
    expect(loadConfig({ FACTORY_ADDRESS: FACTORY.toLowerCase(), DEPLOYMENTS_FILE: file })).toMatchObject({
      fromBlock: 1_000_001,
      fromBlockSource: "deployments",
    });
    // Another factory's record says nothing about this one: block 0, marked as a default start-up may refuse.
    expect(loadConfig({ FACTORY_ADDRESS: OTHER, DEPLOYMENTS_FILE: file })).toMatchObject({
      fromBlock: 0,
      fromBlockSource: "default",
      allowFullHistory: false,
    });
    expect(
      loadConfig({ FACTORY_ADDRESS: OTHER, DEPLOYMENTS_FILE: join(dir, "missing.json"), ALLOW_FULL_HISTORY: "1" }),
    ).toMatchObject({ fromBlockSource: "default", allowFullHistory: true });
  });
});

describe("loadConfig: polling by block time", () => {
  it("keeps the local chain's fast poll, unless told its block time (a local chain standing in for a real one)", () => {
    expect(loadConfig({ FACTORY_ADDRESS: FACTORY })).toMatchObject({ pollIntervalMs: 500 });
    expect(loadConfig({ FACTORY_ADDRESS: FACTORY, BLOCK_TIME_MS: "2000" })).toMatchObject({ pollIntervalMs: 2_000 });
  });

  it("polls once per block on known chains, and on unknown ones as on a 2 s L2", () => {
    expect(loadConfig({ ...production, CHAIN_ID: "8453", FACTORY_ADDRESS: FACTORY, FROM_BLOCK: "1" })).toMatchObject({
      pollIntervalMs: 2_000,
      blockTimeMs: 2_000,
    });
    expect(loadConfig({ ...production, CHAIN_ID: "1", FACTORY_ADDRESS: FACTORY, FROM_BLOCK: "1" })).toMatchObject({
      pollIntervalMs: 12_000,
      blockTimeMs: 12_000,
    });
    expect(loadConfig({ ...production, CHAIN_ID: "987654", FACTORY_ADDRESS: FACTORY, FROM_BLOCK: "1" })).toMatchObject({
      pollIntervalMs: 2_000,
    });
    // Sub-second blocks: one poll a second, not four.
    expect(loadConfig({ ...production, CHAIN_ID: "42161", FACTORY_ADDRESS: FACTORY, FROM_BLOCK: "1" })).toMatchObject({
      pollIntervalMs: 1_000,
      blockTimeMs: 250,
    });
  });

  it("follows BLOCK_TIME_MS, and POLL_INTERVAL_MS over both", () => {
    expect(
      loadConfig({ ...production, CHAIN_ID: "8453", FACTORY_ADDRESS: FACTORY, FROM_BLOCK: "1", BLOCK_TIME_MS: "5000" }),
    ).toMatchObject({ pollIntervalMs: 5_000 });
    expect(
      loadConfig({
        ...production,
        CHAIN_ID: "8453",
        FACTORY_ADDRESS: FACTORY,
        FROM_BLOCK: "1",
        BLOCK_TIME_MS: "5000",
        POLL_INTERVAL_MS: "700",
      }),
    ).toMatchObject({ pollIntervalMs: 700 });
  });
});

describe("loadConfig: provider settings", () => {
  it("reads the request budget and the new-heads socket, and refuses bad ones", () => {
    expect(loadConfig({ FACTORY_ADDRESS: FACTORY }).rpcMaxRps).toBeUndefined();
    expect(
      loadConfig({ FACTORY_ADDRESS: FACTORY, RPC_MAX_RPS: "20", RPC_WS_URL: "wss://node.example/ws" }),
    ).toMatchObject({ rpcMaxRps: 20, rpcWsUrl: "wss://node.example/ws" });
    expect(() =>
      loadConfig({ FACTORY_ADDRESS: FACTORY, RPC_MAX_RPS: "-1", RPC_WS_URL: "http://node.example" }),
    ).toThrow(/RPC_MAX_RPS[\s\S]*RPC_WS_URL/);
  });
});
