/** Defaults are for production: away from the local chain the indexer starts safe or not at all. */
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, type IndexerConfig } from "./config";
import { startIndexer } from "./main";
import { isLocalDomain } from "./production-config";
import { LOCAL_SALE_DEFAULTS, PRODUCTION_SALE_DEFAULTS, saleDefaultsFor } from "./onsale/sales/sale-defaults";

const FACTORY = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

function problemsOf(f: () => unknown): string[] {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return [...(err as ConfigError).problems];
  }
  throw new Error("expected a ConfigError");
}

describe("production defaults (chain ≠ 31337)", () => {
  let dir: string;
  let keyFile: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "fairgate-production-"));
    keyFile = join(dir, "snapshot-key.pem");
    await writeFile(
      keyFile,
      generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "pem", type: "pkcs8" }),
    );
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("refuses the local defaults on another chain, naming every problem at once", () => {
    const problems = problemsOf(() =>
      loadConfig({
        CHAIN_ID: "10",
        FACTORY_ADDRESS: FACTORY,
        GATE_REQUIRE_SESSION: "false",
        ONSALE_IDENTITY_PROVIDER: "dev",
      }),
    );
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "SIWE_DOMAINS",
      "GATE_REQUIRE_SESSION",
      "IDENTITY_PEPPER",
      "GATE_SNAPSHOT_KEY_FILE",
      "ONSALE_IDENTITY_PROVIDER",
    ]);
    expect(problems[0]).toMatch(/localhost:3000, 127\.0\.0\.1:3000 is a localhost domain/);
  });

  it("reports bad values and unsafe settings together", () => {
    const problems = problemsOf(() =>
      loadConfig({
        CHAIN_ID: "10",
        FACTORY_ADDRESS: FACTORY,
        PORT: "http",
        SIWE_DOMAINS: "tickets.example,localhost:3000",
      }),
    );
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "PORT",
      "SIWE_DOMAINS",
      "IDENTITY_PEPPER",
      "GATE_SNAPSHOT_KEY_FILE",
    ]);
  });

  it("starts with challenge mode closed and no dev identity provider once the secrets and a public domain are set", () => {
    const config = loadConfig({
      CHAIN_ID: "10",
      FACTORY_ADDRESS: FACTORY,
      SIWE_DOMAINS: "tickets.example",
      IDENTITY_PEPPER: "a-production-pepper-0123",
      GATE_SNAPSHOT_KEY_FILE: keyFile,
    });
    expect(config.gateSettings?.requireSessionForChallenge).toBe(true);
    expect(config.onsale?.identityProvider).toBeUndefined();
  });

  it("keeps the local chain as it was: open challenge mode, friction off, localhost domains", () => {
    const config = loadConfig({ FACTORY_ADDRESS: FACTORY });
    expect(config.gateSettings?.requireSessionForChallenge).toBe(false);
    expect(config.siweDomains).toEqual(["localhost:3000", "127.0.0.1:3000"]);
    expect(saleDefaultsFor(31337)).toEqual(LOCAL_SALE_DEFAULTS);
  });

  it("turns on-sale bot friction on by default away from the local chain", () => {
    expect(saleDefaultsFor(10)).toEqual(PRODUCTION_SALE_DEFAULTS);
    expect(PRODUCTION_SALE_DEFAULTS.powBits).toBeGreaterThan(0);
    expect(PRODUCTION_SALE_DEFAULTS.ipJoinsPerMinute).toBeGreaterThan(0);
    expect(PRODUCTION_SALE_DEFAULTS.walletRequestsPerMinute).toBeGreaterThan(0);
  });

  it("knows a localhost SIWE domain in its spellings", () => {
    for (const d of [
      "localhost",
      "localhost:3000",
      "app.localhost:8080",
      "127.0.0.1:3000",
      "127.1.2.3",
      "0.0.0.0:80",
      "[::1]:3000",
    ])
      expect(isLocalDomain(d)).toBe(true);
    for (const d of ["tickets.example", "localhost.example.com:3000", "10.0.0.5:3000"])
      expect(isLocalDomain(d)).toBe(false);
  });

  it("startIndexer refuses a hand-built unsafe config before it opens anything", async () => {
    const dataDir = join(dir, "never-created");
    const config: IndexerConfig = {
      rpcUrl: "http://127.0.0.1:1",
      chainId: 10,
      factory: FACTORY,
      fromBlock: 0,
      dataDir,
      host: "127.0.0.1",
      port: 0,
      pollIntervalMs: 500,
      maxBlockRange: 1_000,
      siweDomains: ["localhost:3000"],
      maxIndexerLagBlocks: 2,
      challengeTtlSeconds: 120,
      corsOrigins: [],
    };
    const err = await startIndexer(config, { log: () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.map((p) => p.split(":")[0])).toEqual([
      "SIWE_DOMAINS",
      "IDENTITY_PEPPER",
      "GATE_SNAPSHOT_KEY_FILE",
    ]);
    await expect(stat(dataDir)).rejects.toMatchObject({ code: "ENOENT" });
    // A dev identity provider passed in code is refused too, and so is an explicitly open challenge mode.
    const safe = {
      ...config,
      siweDomains: ["tickets.example"],
      gateSettings: {
        identityPepper: "a-production-pepper-0123",
        snapshotKeyPem: "pem",
        requireSessionForChallenge: false,
      },
    };
    const dev = {
      name: "dev",
      verify: async () => ({ ok: false as const, code: "IDENTITY_REJECTED" as const, message: "" }),
    };
    const again = await startIndexer(safe, { log: () => {}, onsale: { identity: dev } }).catch((e: unknown) => e);
    expect((again as ConfigError).problems.map((p) => p.split(":")[0])).toEqual([
      "GATE_REQUIRE_SESSION",
      "ONSALE_IDENTITY_PROVIDER",
    ]);
  });
});
