import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const FACTORY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

describe("loadConfig", () => {
  it("applies local defaults", () => {
    const c = loadConfig({ FACTORY_ADDRESS: FACTORY.toLowerCase() });
    expect(c).toMatchObject({
      rpcUrl: "http://127.0.0.1:8545",
      chainId: 31337,
      factory: FACTORY,
      fromBlock: 0,
      dataDir: "data/pglite",
      host: "127.0.0.1",
      port: 4100,
      pollIntervalMs: 500,
      siweDomains: ["localhost:3000", "127.0.0.1:3000"],
      corsOrigins: expect.arrayContaining(["http://localhost:3000", "http://127.0.0.1:3000"]),
    });
  });

  it("reads the memory settings (shared buffers, range target), with defaults, and refuses bad ones", () => {
    expect(loadConfig({ FACTORY_ADDRESS: FACTORY })).toMatchObject({
      pgliteSharedBuffersMb: 8,
      rangeTargetLogs: 1_000,
    });
    const c = loadConfig({
      FACTORY_ADDRESS: FACTORY,
      PGLITE_SHARED_BUFFERS_MB: "32",
      RANGE_TARGET_LOGS: "2000",
    });
    expect(c).toMatchObject({ pgliteSharedBuffersMb: 32, rangeTargetLogs: 2_000 });
    expect(() =>
      loadConfig({
        FACTORY_ADDRESS: FACTORY,
        PGLITE_SHARED_BUFFERS_MB: "0",
        RANGE_TARGET_LOGS: "ten",
      }),
    ).toThrow(/PGLITE_SHARED_BUFFERS_MB[\s\S]*RANGE_TARGET_LOGS/);
  });

  it("reads the one trusted-proxy setting (default 0: the socket's address) and refuses the old first-hop switch", () => {
    expect(loadConfig({ FACTORY_ADDRESS: FACTORY }).gateSettings).toMatchObject({ trustedProxyHops: 0 });
    expect(loadConfig({ FACTORY_ADDRESS: FACTORY, TRUSTED_PROXY_HOPS: "2" }).gateSettings).toMatchObject({
      trustedProxyHops: 2,
    });
    expect(() => loadConfig({ FACTORY_ADDRESS: FACTORY, TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => loadConfig({ FACTORY_ADDRESS: FACTORY, ONSALE_TRUST_PROXY: "true" })).toThrow(
      /ONSALE_TRUST_PROXY: replaced by TRUSTED_PROXY_HOPS/,
    );
  });

  it("reads gate settings, with defaults", () => {
    expect(loadConfig({ FACTORY_ADDRESS: FACTORY }).gateSettings).toMatchObject({
      passSlotSeconds: 10,
      passSkewSlots: 1,
      requireSessionForChallenge: false,
      identityPepper: undefined,
    });
    const c = loadConfig({
      FACTORY_ADDRESS: FACTORY,
      PASS_SLOT_SECONDS: "15",
      GATE_REQUIRE_SESSION: "true",
      IDENTITY_PEPPER: "0123456789abcdef",
      GATE_SCAN_RATE: "50",
    });
    expect(c.gateSettings).toMatchObject({
      passSlotSeconds: 15,
      requireSessionForChallenge: true,
      identityPepper: "0123456789abcdef",
      scanRatePerSecond: 50,
    });
    expect(() => loadConfig({ FACTORY_ADDRESS: FACTORY, IDENTITY_PEPPER: "short" })).toThrow(/IDENTITY_PEPPER/);
  });

  it("reads the identity pepper from a file, never echoing it in errors", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairgate-config-"));
    const file = join(dir, "pepper");
    await writeFile(file, "file-pepper-0123456789\n");
    expect(loadConfig({ FACTORY_ADDRESS: FACTORY, IDENTITY_PEPPER_FILE: file }).gateSettings?.identityPepper).toBe(
      "file-pepper-0123456789",
    );
    expect(() =>
      loadConfig({ FACTORY_ADDRESS: FACTORY, IDENTITY_PEPPER_FILE: file, IDENTITY_PEPPER: "0123456789abcdef" }),
    ).toThrow(/only one of/);
    expect(() => loadConfig({ FACTORY_ADDRESS: FACTORY, IDENTITY_PEPPER_FILE: join(dir, "missing") })).toThrow(
      /cannot be read/,
    );
    await writeFile(file, "short-secret\n");
    expect(() => loadConfig({ FACTORY_ADDRESS: FACTORY, IDENTITY_PEPPER_FILE: file })).toThrow(ConfigError);
    try {
      loadConfig({ FACTORY_ADDRESS: FACTORY, IDENTITY_PEPPER_FILE: file });
    } catch (err) {
      expect(String(err)).not.toContain("short-secret");
    }
    await rm(dir, { recursive: true, force: true });
  });

  it("reads the factory from the deployments file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairgate-config-"));
    const file = join(dir, "deployments.json");
    await writeFile(
      file,
      JSON.stringify({ "31337": { chainId: 31337, factory: FACTORY, fromBlock: 7, deployedAt: "now" } }),
    );
    expect(loadConfig({ DEPLOYMENTS_FILE: file })).toMatchObject({ factory: FACTORY, fromBlock: 7 });
    expect(() => loadConfig({ DEPLOYMENTS_FILE: file, CHAIN_ID: "1" })).toThrow(/No Fairgate deployment for chain 1/);
    expect(() => loadConfig({ DEPLOYMENTS_FILE: join(dir, "missing.json") })).toThrow(ConfigError);
    await rm(dir, { recursive: true, force: true });
  });

  it("lists every bad value in one message", () => {
    try {
      loadConfig({ FACTORY_ADDRESS: "0x12", PORT: "http", SIWE_DOMAINS: "ok.example, bad domain/" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      expect(message).toMatch(/FACTORY_ADDRESS/);
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/SIWE_DOMAINS/);
    }
  });

  it("reads DATABASE_URL, FINALITY_DEPTH and LEASE_POLL_MS, and refuses a non-PostgreSQL URL", () => {
    const c = loadConfig({
      FACTORY_ADDRESS: FACTORY,
      DATABASE_URL: "postgres://u@127.0.0.1:5432/db",
      FINALITY_DEPTH: "12",
      LEASE_POLL_MS: "250",
    });
    expect(c).toMatchObject({ databaseUrl: "postgres://u@127.0.0.1:5432/db", finalityDepth: 12, leasePollMs: 250 });
    expect(loadConfig({ FACTORY_ADDRESS: FACTORY })).toMatchObject({ finalityDepth: 64, leasePollMs: 1000 });
    expect(loadConfig({ FACTORY_ADDRESS: FACTORY }).databaseUrl).toBeUndefined();
    expect(() => loadConfig({ FACTORY_ADDRESS: FACTORY, DATABASE_URL: "mysql://x@h/db" })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ FACTORY_ADDRESS: FACTORY, FINALITY_DEPTH: "0" })).toThrow(/FINALITY_DEPTH/);
  });
});
