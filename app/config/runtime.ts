import { z } from "zod";
import { LOCAL_CHAIN_ID, LOCAL_RPC_URL } from "../../lib/chain";
import type { DeploymentCurrency } from "../../lib/deployments";

/** Where the indexer listens when started by `npm start`. */
export const LOCAL_INDEXER_URL = "http://127.0.0.1:4100";

/**
 * Settings the browser needs, read from the server's environment on every request (never
 * inlined at build time), so one build runs against any chain and indexer.
 */
export type RuntimeConfig = {
  /** Base URL of the indexer HTTP API, without a trailing slash. */
  indexerUrl: string;
  /** JSON-RPC endpoint of the chain. */
  rpcUrl: string;
  chainId: number;
  /** The TicketFactory organizers create events with: `FACTORY_ADDRESS`, else the deployments file; null if neither. */
  factory: `0x${string}` | null;
  /** Stablecoins the create form offers by name beside ETH (the deployments file's `currencies`); absent: ETH only. */
  currencies?: DeploymentCurrency[];
  /** WalletConnect Cloud project id (`NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID`); the WalletConnect connector exists only when set. */
  walletConnectProjectId: string | null;
};

// Not z.httpUrl(): it demands a domain name and rejects 127.0.0.1 and localhost.
const baseUrl = z.url({ protocol: /^https?$/ }).transform((url) => url.replace(/\/+$/, ""));

const runtimeEnvSchema = z.object({
  INDEXER_URL: baseUrl.default(LOCAL_INDEXER_URL),
  RPC_URL: baseUrl.default(LOCAL_RPC_URL),
  CHAIN_ID: z.coerce.number().int().positive().default(LOCAL_CHAIN_ID),
  FACTORY_ADDRESS: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, "not an address")
    .optional(),
  NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: z
    .string()
    .regex(/^[0-9a-fA-F]{32}$/, "a WalletConnect project id is 32 hex digits")
    .optional(),
});

export class RuntimeConfigError extends Error {
  override name = "RuntimeConfigError";
  readonly code = "APP_CONFIG_INVALID";
}

/**
 * Reads and validates the app's environment variables, with defaults for the local stack.
 *
 * @example
 * readRuntimeConfig({ CHAIN_ID: "11155111", RPC_URL: "https://rpc.example" })
 * // { indexerUrl: "http://127.0.0.1:4100", rpcUrl: "https://rpc.example", chainId: 11155111 }
 */
export function readRuntimeConfig(env: Record<string, string | undefined>): RuntimeConfig {
  // An empty variable means "not set", as in most shells' `VAR= cmd`.
  const pick = (name: string) => (env[name] === "" ? undefined : env[name]);
  const parsed = runtimeEnvSchema.safeParse({
    INDEXER_URL: pick("INDEXER_URL"),
    RPC_URL: pick("RPC_URL"),
    CHAIN_ID: pick("CHAIN_ID"),
    FACTORY_ADDRESS: pick("FACTORY_ADDRESS"),
    NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: pick("NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID"),
  });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new RuntimeConfigError(`Invalid app environment (${problems}).`);
  }
  return {
    indexerUrl: parsed.data.INDEXER_URL,
    rpcUrl: parsed.data.RPC_URL,
    chainId: parsed.data.CHAIN_ID,
    factory: (parsed.data.FACTORY_ADDRESS as `0x${string}` | undefined) ?? null,
    walletConnectProjectId: parsed.data.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID ?? null,
  };
}
