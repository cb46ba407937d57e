/**
 * The CLI's configuration: environment variables (validated once with zod), overridden by
 * global flags. Every bad value is reported at once, by name.
 */
import { z } from "zod";
import { DEFAULT_DEPLOYMENTS_FILE } from "../../lib/deployments";
import { LOCAL_CHAIN_ID, LOCAL_RPC_URL } from "../../lib/chain";
import { ConfigError } from "./errors";

const optionalString = z
  .string()
  .optional()
  .transform((s) => (s?.trim() ? s.trim() : undefined));

const envSchema = z.object({
  RPC_URL: z.url({ protocol: /^(https?|wss?)$/, error: "must be an http(s) or ws(s) URL" }).default(LOCAL_RPC_URL),
  CHAIN_ID: z.coerce.number({ error: "must be a number" }).int().positive().default(LOCAL_CHAIN_ID),
  DEPLOYMENTS_FILE: z.string().min(1).default(DEFAULT_DEPLOYMENTS_FILE),
  DEPLOYER_PRIVATE_KEY: optionalString.pipe(
    z
      .string()
      .regex(/^0x[0-9a-fA-F]{64}$/, "must be 0x followed by 64 hex digits")
      .optional(),
  ),
  DEPLOYER_KEYSTORE: optionalString,
  DEPLOYER_KEYSTORE_PASSWORD: z.string().optional(),
  DEPLOYER_KEYSTORE_PASSWORD_FILE: optionalString,
  FAIRGATE_ACCOUNT: z.coerce.number({ error: "must be a number" }).int().min(0).max(999).default(0),
  INDEXER_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  FAIRGATE_STATE_DIR: z.string().min(1).default("data/cli"),
  RPC_MAX_RPS: z.coerce.number({ error: "must be a number" }).int().min(0).max(100_000).default(0),
});

/** Environment variables as read (process.env or a test's own). */
export type Env = Record<string, string | undefined>;

export type CliConfig = {
  rpcUrl: string;
  chainId: number;
  deploymentsFile: string;
  privateKey?: `0x${string}`;
  keystore?: { file: string; password?: string; passwordFile?: string };
  /** Which of the local node's unlocked accounts signs when no key is configured (chain 31337 only). */
  accountIndex: number;
  indexerUrl?: string;
  /** Where the CLI keeps its own files (mint journals). */
  stateDir: string;
  /** Client-side budget of RPC requests per second (RPC_MAX_RPS); 0: none. */
  maxRps?: number;
};

/** Global flags, as commander parsed them (all optional). */
export type GlobalFlags = {
  rpcUrl?: string;
  chainId?: string;
  deployments?: string;
  account?: string;
  indexerUrl?: string;
};

export function loadCliConfig(env: Env, flags: GlobalFlags = {}): CliConfig {
  const merged = {
    ...env,
    ...(flags.rpcUrl !== undefined && { RPC_URL: flags.rpcUrl }),
    ...(flags.chainId !== undefined && { CHAIN_ID: flags.chainId }),
    ...(flags.deployments !== undefined && { DEPLOYMENTS_FILE: flags.deployments }),
    ...(flags.account !== undefined && { FAIRGATE_ACCOUNT: flags.account }),
    ...(flags.indexerUrl !== undefined && { INDEXER_URL: flags.indexerUrl }),
  };
  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    throw new ConfigError(
      "Invalid configuration:",
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    );
  }
  const e = parsed.data;
  if (e.DEPLOYER_PRIVATE_KEY && e.DEPLOYER_KEYSTORE) {
    throw new ConfigError("Set DEPLOYER_PRIVATE_KEY or DEPLOYER_KEYSTORE, not both.");
  }
  return {
    rpcUrl: e.RPC_URL,
    chainId: e.CHAIN_ID,
    deploymentsFile: e.DEPLOYMENTS_FILE,
    privateKey: e.DEPLOYER_PRIVATE_KEY as `0x${string}` | undefined,
    keystore: e.DEPLOYER_KEYSTORE
      ? {
          file: e.DEPLOYER_KEYSTORE,
          password: e.DEPLOYER_KEYSTORE_PASSWORD,
          passwordFile: e.DEPLOYER_KEYSTORE_PASSWORD_FILE,
        }
      : undefined,
    accountIndex: e.FAIRGATE_ACCOUNT,
    indexerUrl: e.INDEXER_URL,
    stateDir: e.FAIRGATE_STATE_DIR,
    ...(e.RPC_MAX_RPS > 0 ? { maxRps: e.RPC_MAX_RPS } : {}),
  };
}
