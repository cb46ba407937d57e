/**
 * Safe defaults away from the local chain. On any chain but the local one (31337) the indexer
 * refuses to start with settings meant for a laptop: a dev identity provider, open challenge mode
 * (`GATE_REQUIRE_SESSION=false`), missing secrets, or a localhost SIWE domain. Every problem is
 * named at once, so an operator fixes them in one go. The local stack (`npm start`, tests) is
 * untouched: none of this applies to chain 31337.
 */
import { LOCAL_CHAIN_ID } from "../lib/chain";
import type { IndexerConfig } from "./config";

/** What the production rules look at, read from the environment (loadConfig) or a built config (startIndexer). */
export type ProductionView = {
  chainId: number;
  siweDomains: readonly string[];
  /** Challenge mode needs a scanner session; `undefined`: not set (the chain's default applies). */
  requireSessionForChallenge: boolean | undefined;
  hasIdentityPepper: boolean;
  hasSnapshotKey: boolean;
  /** The waiting room's identity provider as configured (`dev` accepts any well-formed ID). */
  identityProvider: "dev" | "none" | undefined;
};

/** Challenge mode requires a scanner session unless set otherwise: on by default away from the local chain. */
export function defaultRequireSession(chainId: number): boolean {
  return chainId !== LOCAL_CHAIN_ID;
}

const LOCAL_HOSTS = /^(localhost|[a-z0-9.-]+\.localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])(:\d+)?$/i;

/** A SIWE domain only a browser on the same machine can be at: fine for the local stack, a phishing aid anywhere else. */
export function isLocalDomain(domain: string): boolean {
  return LOCAL_HOSTS.test(domain.trim());
}

/** Everything that stops a non-local start, in one list; empty on the local chain. */
export function productionProblems(v: ProductionView): string[] {
  if (v.chainId === LOCAL_CHAIN_ID) return [];
  const on = `chain ${v.chainId} is not the local chain ${LOCAL_CHAIN_ID}`;
  const problems: string[] = [];
  const local = v.siweDomains.filter(isLocalDomain);
  if (local.length > 0)
    problems.push(`SIWE_DOMAINS: ${local.join(", ")} is a localhost domain (${on}); name the app's public host`);
  if (v.requireSessionForChallenge === false) {
    problems.push(`GATE_REQUIRE_SESSION: challenge mode open to anyone (${on}); leave it unset or set it to true`);
  }
  if (!v.hasIdentityPepper)
    problems.push(`IDENTITY_PEPPER: missing secret (${on}); set IDENTITY_PEPPER or IDENTITY_PEPPER_FILE`);
  if (!v.hasSnapshotKey) {
    problems.push(
      `GATE_SNAPSHOT_KEY_FILE: missing secret (${on}); without it every process signs offline snapshots with a new key scanners cannot pin`,
    );
  }
  if (v.identityProvider === "dev") {
    problems.push(
      `ONSALE_IDENTITY_PROVIDER: the dev provider accepts any ID number (${on}); plug a real one in with startIndexer(config, { onsale: { identity } })`,
    );
  }
  return problems;
}

/** The same view of a built config, as `startIndexer` gets it (tests and scripts build configs by hand). */
export function productionViewOfConfig(config: IndexerConfig, identityOverride?: { name: string }): ProductionView {
  return {
    chainId: config.chainId,
    siweDomains: config.siweDomains,
    requireSessionForChallenge:
      config.gateSettings?.requireSessionForChallenge ?? defaultRequireSession(config.chainId),
    hasIdentityPepper: config.gateSettings?.identityPepper !== undefined,
    hasSnapshotKey: config.gateSettings?.snapshotKeyPem !== undefined,
    identityProvider: identityOverride
      ? identityOverride.name === "dev"
        ? "dev"
        : undefined
      : config.onsale?.identityProvider,
  };
}
