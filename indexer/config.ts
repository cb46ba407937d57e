/**
 * The indexer's configuration: read from the environment once, validated with zod, with
 * defaults for the local stack. A bad value stops start-up with one clear message.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { getAddress, type Address } from "viem";
import { z } from "zod";
import { LOCAL_CHAIN_ID, LOCAL_RPC_URL } from "../lib/chain";
import { DEFAULT_DEPLOYMENTS_FILE, pickDeployment } from "../lib/deployments";
import { defaultBatcherSettings, type BatcherSettings } from "./gate/batcher/check-in-batcher";
import { isSignerKey, readSignerKeyFile, type GateSignerSource } from "./gate/batcher/gate-signer";
import { defaultGateSettings, type GateSettings } from "./gate/gate-deps";
import { DEFAULT_PGLITE_SHARED_BUFFERS_MB } from "./db/pglite-options";
import { DEFAULT_RANGE_TARGET_LOGS } from "./sync/range-size";
import { blockTimeMs, defaultPollMs } from "../lib/rpc/block-time";
import { onsaleEnvSchema, onsaleSettingsFrom, type OnsaleSettings } from "./onsale/onsale-config";
import { defaultRequireSession, productionProblems } from "./production-config";

export type IndexerConfig = {
  rpcUrl: string;
  chainId: number;
  /** The TicketFactory to follow and the block it was deployed in. */
  factory: Address;
  fromBlock: number;
  /**
   * Where fromBlock came from. "default": FACTORY_ADDRESS alone, with no FROM_BLOCK and no deployment
   * record of that factory: block 0, which start-up refuses on a long chain unless ALLOW_FULL_HISTORY (main.ts).
   */
  fromBlockSource?: "FROM_BLOCK" | "deployments" | "default";
  /** ALLOW_FULL_HISTORY: scanning from block 0 of a long chain is intended. */
  allowFullHistory?: boolean;
  /** PGlite folder, or `memory://` for an in-memory database. */
  dataDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Head poll interval: POLL_INTERVAL_MS, else one block time (lib/rpc/block-time.ts; the local chain: 500 ms). */
  pollIntervalMs: number;
  /** The chain's block time (BLOCK_TIME_MS, else known per chain id). */
  blockTimeMs?: number;
  /** Client-side budget of RPC requests per second (RPC_MAX_RPS); 0 or absent: none. */
  rpcMaxRps?: number;
  /** A ws(s):// endpoint for new heads when RPC_URL is http(s) (RPC_WS_URL): the loop wakes on each block and polls only as a keep-alive. */
  rpcWsUrl?: string;
  /** Largest block range per eth_getLogs call; shrinks on RPC errors. */
  maxBlockRange: number;
  /** Domains (host[:port]) a SIWE gate message may name; the first is the default. */
  siweDomains: string[];
  /** The gate trusts the indexer's ownership mirror only when it is at most this many blocks behind. */
  maxIndexerLagBlocks: number;
  challengeTtlSeconds: number;
  /** Origins allowed to call the API from a browser. */
  corsOrigins: string[];
  /** Pass mode, gate sessions, identity checks (indexer/gate/gate-deps.ts). */
  gateSettings?: Partial<GateSettings>;
  /** On-chain check-in batcher; off (undefined) when no gate signer is configured. */
  checkInBatcher?: { signer: GateSignerSource; settings: BatcherSettings };
  /** PostgreSQL URL; when set, used instead of PGlite in `dataDir` (several instances may share it). */
  databaseUrl?: string;
  /** Blocks below the head considered final: reorg hashes are kept this deep. */
  finalityDepth?: number;
  /** How often a follower instance tries to take the sync lease. */
  leasePollMs?: number;
  /** PGlite's Postgres shared_buffers in MB: WebAssembly heap, held from start-up (indexer/db/pglite-options.ts). */
  pgliteSharedBuffersMb?: number;
  /** Aim for about this many logs per eth_getLogs range: bounds the decoded logs held at once (sync/range-size.ts). */
  rangeTargetLogs?: number;
  /** Waiting room (indexer/onsale/onsale-config.ts); absent = defaults. */
  onsale?: OnsaleSettings;
};

/** A configuration the indexer will not start with; `problems` names each one (the message lists them all). */
export class ConfigError extends Error {
  override name = "ConfigError";
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === "string" ? [problems] : problems;
    super(
      typeof problems === "string"
        ? problems
        : `Invalid indexer configuration:\n${list.map((p) => `  ${p}`).join("\n")}`,
    );
    this.problems = list;
  }
}

const csv = z
  .string()
  .transform((s) =>
    s
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string()).min(1));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
// host[:port], as SIWE's `domain` field (RFC 3986 authority without userinfo).
const domain = z.string().regex(/^[A-Za-z0-9.-]+(:\d{1,5})?$/, "must be host[:port]");

const envSchema = z
  .object({
    RPC_URL: z.url({ protocol: /^(https?|wss?)$/ }).default(LOCAL_RPC_URL),
    CHAIN_ID: int(1, 2 ** 32).default(LOCAL_CHAIN_ID),
    DEPLOYMENTS_FILE: z.string().min(1).default(DEFAULT_DEPLOYMENTS_FILE),
    FACTORY_ADDRESS: z
      .string()
      .regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte hex address")
      .optional(),
    FROM_BLOCK: int(0, Number.MAX_SAFE_INTEGER).optional(),
    DATA_DIR: z.string().min(1).default("data/pglite"),
    HOST: z.string().min(1).default("127.0.0.1"),
    PORT: int(0, 65535).default(4100),
    POLL_INTERVAL_MS: int(50, 600_000).optional(),
    BLOCK_TIME_MS: int(50, 600_000).optional(),
    RPC_MAX_RPS: int(0, 100_000).default(0),
    RPC_WS_URL: z.url({ protocol: /^wss?$/ }).optional(),
    ALLOW_FULL_HISTORY: z
      .enum(["0", "1", "false", "true"])
      .transform((v) => v === "1" || v === "true")
      .default(false),
    MAX_BLOCK_RANGE: int(1, 100_000).default(2_000),
    SIWE_DOMAINS: csv.pipe(z.array(domain)).default(["localhost:3000", "127.0.0.1:3000"]),
    MAX_INDEXER_LAG_BLOCKS: int(0, 1_000_000).default(2),
    GATE_CHALLENGE_TTL_SECONDS: int(10, 3600).default(120),
    CORS_ORIGINS: csv.optional(),
    PASS_SLOT_SECONDS: int(2, 300).default(defaultGateSettings.passSlotSeconds),
    PASS_SKEW_SLOTS: int(0, 10).default(defaultGateSettings.passSkewSlots),
    PASS_MAX_DELEGATION_SECONDS: int(60, 365 * 24 * 3600).default(defaultGateSettings.maxDelegationSeconds),
    GATE_SESSION_TTL_SECONDS: int(60, 7 * 24 * 3600).default(defaultGateSettings.sessionTtlSeconds),
    GATE_SCAN_RATE: int(1, 100_000).default(defaultGateSettings.scanRatePerSecond),
    GATE_IP_RATE: int(1, 1_000_000).default(defaultGateSettings.ipRatePerSecond),
    GATE_CHAIN_CHECK_MS: int(50, 60_000).default(defaultGateSettings.chainCheckMs),
    TRUSTED_PROXY_HOPS: int(0, 16).default(defaultGateSettings.trustedProxyHops),
    // Replaced by TRUSTED_PROXY_HOPS (it trusted the client-written first hop); refused so nobody relies on it silently.
    ONSALE_TRUST_PROXY: z
      .never({
        error:
          "replaced by TRUSTED_PROXY_HOPS: the number of proxies in front of the indexer (1 behind one load balancer)",
      })
      .optional(),
    // Unset: required away from the local chain (production-config.ts).
    GATE_REQUIRE_SESSION: z
      .enum(["0", "1", "false", "true"])
      .transform((v) => v === "1" || v === "true")
      .optional(),
    IDENTITY_PEPPER: z.string().min(16, "must be at least 16 characters").optional(),
    IDENTITY_PEPPER_FILE: z.string().min(1).optional(),
    // The key's value never appears in an error message (custom messages only).
    GATE_SNAPSHOT_KEY_FILE: z.string().min(1).optional(),
    GATE_SIGNER_KEY: z.string().refine(isSignerKey, "must be a 0x-prefixed 32-byte hex private key").optional(),
    GATE_SIGNER_KEY_FILE: z.string().min(1).optional(),
    GATE_SIGNER_ADDRESS: z
      .string()
      .regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte hex address")
      .optional(),
    GATE_BATCH_SIZE: int(1, 500).default(defaultBatcherSettings.batchSize),
    GATE_BATCH_INTERVAL_MS: int(10, 3_600_000).default(defaultBatcherSettings.intervalMs),
    GATE_BATCH_CONFIRM_TIMEOUT_MS: int(100, 3_600_000).default(defaultBatcherSettings.confirmTimeoutMs),
    DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
    FINALITY_DEPTH: int(1, 100_000).default(64),
    LEASE_POLL_MS: int(100, 600_000).default(1_000),
    PGLITE_SHARED_BUFFERS_MB: int(1, 4_096).default(DEFAULT_PGLITE_SHARED_BUFFERS_MB),
    RANGE_TARGET_LOGS: int(100, 1_000_000).default(DEFAULT_RANGE_TARGET_LOGS),
  })
  .extend(onsaleEnvSchema.shape);

/**
 * Builds the config from environment variables (default `process.env`).
 * The factory comes from FACTORY_ADDRESS (+ FROM_BLOCK, else the deployments file's fromBlock for it) or else from DEPLOYMENTS_FILE.
 *
 * @example
 * const config = loadConfig(); // throws ConfigError with every problem listed
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): IndexerConfig {
  // Empty strings count as unset, so `FOO= npm start` means "default".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  // Production rules read the raw values too, so a bad value and an unsafe setting are reported together.
  const unsafe = productionProblems(productionViewOf(present));
  if (!parsed.success) {
    throw new ConfigError([...parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`), ...unsafe]);
  }
  const e = parsed.data;
  const onsale = onsaleSettingsFrom(e);
  if (onsale.problems.length > 0)
    throw new ConfigError(`Invalid indexer configuration:\n${onsale.problems.map((p) => `  ${p}`).join("\n")}`);
  const { factory, fromBlock, fromBlockSource } = e.FACTORY_ADDRESS
    ? factoryStart(getAddress(e.FACTORY_ADDRESS), e.FROM_BLOCK, e.DEPLOYMENTS_FILE, e.CHAIN_ID)
    : { ...readDeployment(e.DEPLOYMENTS_FILE, e.CHAIN_ID), fromBlockSource: "deployments" as const };
  const blockTime = e.BLOCK_TIME_MS ?? blockTimeMs(e.CHAIN_ID);
  const config: IndexerConfig = {
    rpcUrl: e.RPC_URL,
    chainId: e.CHAIN_ID,
    factory,
    fromBlock,
    fromBlockSource,
    allowFullHistory: e.ALLOW_FULL_HISTORY,
    dataDir: e.DATA_DIR,
    host: e.HOST,
    port: e.PORT,
    pollIntervalMs: e.POLL_INTERVAL_MS ?? defaultPollMs(e.CHAIN_ID, e.BLOCK_TIME_MS),
    blockTimeMs: blockTime,
    ...(e.RPC_MAX_RPS > 0 ? { rpcMaxRps: e.RPC_MAX_RPS } : {}),
    ...(e.RPC_WS_URL ? { rpcWsUrl: e.RPC_WS_URL } : {}),
    maxBlockRange: e.MAX_BLOCK_RANGE,
    siweDomains: e.SIWE_DOMAINS,
    maxIndexerLagBlocks: e.MAX_INDEXER_LAG_BLOCKS,
    challengeTtlSeconds: e.GATE_CHALLENGE_TTL_SECONDS,
    corsOrigins: e.CORS_ORIGINS ?? e.SIWE_DOMAINS.flatMap((d) => [`http://${d}`, `https://${d}`]),
    gateSettings: {
      passSlotSeconds: e.PASS_SLOT_SECONDS,
      passSkewSlots: e.PASS_SKEW_SLOTS,
      maxDelegationSeconds: e.PASS_MAX_DELEGATION_SECONDS,
      sessionTtlSeconds: e.GATE_SESSION_TTL_SECONDS,
      scanRatePerSecond: e.GATE_SCAN_RATE,
      ipRatePerSecond: e.GATE_IP_RATE,
      chainCheckMs: e.GATE_CHAIN_CHECK_MS,
      trustedProxyHops: e.TRUSTED_PROXY_HOPS,
      requireSessionForChallenge: e.GATE_REQUIRE_SESSION ?? defaultRequireSession(e.CHAIN_ID),
      identityPepper: identityPepper(e),
      snapshotKeyPem: e.GATE_SNAPSHOT_KEY_FILE ? readSnapshotKey(e.GATE_SNAPSHOT_KEY_FILE) : undefined,
    },
    checkInBatcher: batcherConfig(e),
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    finalityDepth: e.FINALITY_DEPTH,
    leasePollMs: e.LEASE_POLL_MS,
    pgliteSharedBuffersMb: e.PGLITE_SHARED_BUFFERS_MB,
    rangeTargetLogs: e.RANGE_TARGET_LOGS,
    ...(onsale.settings ? { onsale: onsale.settings } : {}),
  };
  if (unsafe.length > 0) throw new ConfigError(unsafe);
  return config;
}

/** The values the production rules need, read leniently from the raw environment. */
function productionViewOf(env: Record<string, string | undefined>): Parameters<typeof productionProblems>[0] {
  const chainId = Number(env.CHAIN_ID ?? LOCAL_CHAIN_ID);
  const session = env.GATE_REQUIRE_SESSION;
  const provider = env.ONSALE_IDENTITY_PROVIDER;
  return {
    chainId: Number.isFinite(chainId) ? chainId : -1,
    siweDomains: (env.SIWE_DOMAINS ?? "localhost:3000,127.0.0.1:3000")
      .split(",")
      .map((d) => d.trim())
      .filter(Boolean),
    requireSessionForChallenge: session === undefined ? undefined : session === "1" || session === "true",
    hasIdentityPepper: env.IDENTITY_PEPPER !== undefined || env.IDENTITY_PEPPER_FILE !== undefined,
    hasSnapshotKey: env.GATE_SNAPSHOT_KEY_FILE !== undefined,
    identityProvider: provider === "dev" || provider === "none" ? provider : undefined,
  };
}

/** From IDENTITY_PEPPER or a file holding it (a mounted secret); the value never appears in an error. */
function identityPepper(e: z.output<typeof envSchema>): string | undefined {
  if (e.IDENTITY_PEPPER !== undefined && e.IDENTITY_PEPPER_FILE !== undefined) {
    throw new ConfigError("Invalid indexer configuration:\n  set only one of IDENTITY_PEPPER, IDENTITY_PEPPER_FILE");
  }
  if (e.IDENTITY_PEPPER_FILE === undefined) return e.IDENTITY_PEPPER;
  let pepper: string;
  try {
    pepper = readFileSync(resolve(e.IDENTITY_PEPPER_FILE), "utf8").trim();
  } catch (err) {
    throw new ConfigError(
      `Invalid indexer configuration:\n  IDENTITY_PEPPER_FILE ${e.IDENTITY_PEPPER_FILE} cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
  if (pepper.length < 16)
    throw new ConfigError(
      `Invalid indexer configuration:\n  IDENTITY_PEPPER_FILE ${e.IDENTITY_PEPPER_FILE}: the pepper must be at least 16 characters`,
    );
  return pepper;
}

function readSnapshotKey(file: string): string {
  try {
    return readFileSync(resolve(file), "utf8");
  } catch (err) {
    throw new ConfigError(
      `Invalid indexer configuration:\n  GATE_SNAPSHOT_KEY_FILE ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`,
    );
  }
}

function batcherConfig(e: z.output<typeof envSchema>): IndexerConfig["checkInBatcher"] {
  const given = [e.GATE_SIGNER_KEY, e.GATE_SIGNER_KEY_FILE, e.GATE_SIGNER_ADDRESS].filter((v) => v !== undefined);
  if (given.length === 0) return undefined;
  if (given.length > 1)
    throw new ConfigError(
      "Invalid indexer configuration:\n  set only one of GATE_SIGNER_KEY, GATE_SIGNER_KEY_FILE, GATE_SIGNER_ADDRESS",
    );
  if (e.GATE_SIGNER_ADDRESS && e.CHAIN_ID !== LOCAL_CHAIN_ID) {
    throw new ConfigError(
      `Invalid indexer configuration:\n  GATE_SIGNER_ADDRESS (an unlocked node account) is only for the local chain ${LOCAL_CHAIN_ID}`,
    );
  }
  let signer: GateSignerSource;
  try {
    signer = e.GATE_SIGNER_ADDRESS
      ? { kind: "node-account", address: getAddress(e.GATE_SIGNER_ADDRESS) }
      : { kind: "key", privateKey: e.GATE_SIGNER_KEY ?? readSignerKeyFile(e.GATE_SIGNER_KEY_FILE!) };
  } catch (err) {
    throw new ConfigError(`Invalid indexer configuration:\n  ${(err as Error).message}`);
  }
  const settings = {
    ...defaultBatcherSettings,
    batchSize: e.GATE_BATCH_SIZE,
    intervalMs: e.GATE_BATCH_INTERVAL_MS,
    confirmTimeoutMs: e.GATE_BATCH_CONFIRM_TIMEOUT_MS,
  };
  return { signer, settings };
}

/**
 * FACTORY_ADDRESS's start block: FROM_BLOCK if given, else the deployments file's record of the
 * same factory (its fromBlock is always used), else block 0, marked as a default so start-up can
 * refuse it on a long chain.
 */
function factoryStart(
  factory: Address,
  fromBlock: number | undefined,
  file: string,
  chainId: number,
): { factory: Address; fromBlock: number; fromBlockSource: NonNullable<IndexerConfig["fromBlockSource"]> } {
  if (fromBlock !== undefined) return { factory, fromBlock, fromBlockSource: "FROM_BLOCK" };
  try {
    const recorded = readDeployment(file, chainId);
    if (recorded.factory === factory) return { factory, fromBlock: recorded.fromBlock, fromBlockSource: "deployments" };
  } catch {
    // No readable record of this chain: nothing to take the start from.
  }
  return { factory, fromBlock: 0, fromBlockSource: "default" };
}

function readDeployment(file: string, chainId: number): { factory: Address; fromBlock: number } {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(resolve(file), "utf8"));
  } catch (err) {
    throw new ConfigError(
      `Cannot read DEPLOYMENTS_FILE ${file} (${(err as Error).message}). ` +
        "Deploy first (npm start does), or set FACTORY_ADDRESS and FROM_BLOCK.",
    );
  }
  try {
    const d = pickDeployment(json, chainId, file);
    return { factory: getAddress(d.factory), fromBlock: d.fromBlock };
  } catch (err) {
    throw new ConfigError((err as Error).message);
  }
}
