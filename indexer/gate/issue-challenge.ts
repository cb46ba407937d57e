/** Creates and stores a single-use SIWE nonce for one event (a gate challenge, a pass delegation or a staff sign-in). */
import { lt } from "drizzle-orm";
import { getAddress, type Address } from "viem";
import type { GateChallenge } from "../../lib/gate/challenge-message";
import { AppError } from "../../lib/errors/app-error";
import { eventExists } from "../db/queries/list-events";
import { gateChallenges } from "../db/schema";
import type { GateDeps } from "./gate-deps";
import { generateNonce } from "./nonce";
import type { NoncePurpose } from "./steps/load-challenge";

/** Expired challenges are kept this long (so late scans say EXPIRED, not UNKNOWN), then purged. */
const KEEP_EXPIRED_MS = 60 * 60 * 1000;

export async function issueChallenge(
  deps: Pick<GateDeps, "db" | "chainId" | "siweDomains" | "challengeTtlSeconds" | "now">,
  request: { contract: Address; gateId: string; domain?: string | undefined; purpose?: NoncePurpose; zone?: number },
): Promise<GateChallenge> {
  const domain = request.domain ?? deps.siweDomains[0]!;
  if (!deps.siweDomains.includes(domain)) {
    throw new AppError("BAD_REQUEST", `domain must be one of: ${deps.siweDomains.join(", ")}`);
  }
  if (!(await eventExists(deps.db, request.contract))) {
    throw new AppError("UNKNOWN_EVENT", `no indexed event at ${request.contract}`);
  }
  const now = deps.now();
  const issuedAt = new Date(now.getTime());
  const expiresAt = new Date(now.getTime() + deps.challengeTtlSeconds * 1000);
  const nonce = generateNonce();

  await deps.db.delete(gateChallenges).where(lt(gateChallenges.expiresAt, new Date(now.getTime() - KEEP_EXPIRED_MS)));
  await deps.db.insert(gateChallenges).values({
    nonce,
    purpose: request.purpose ?? "scan",
    contract: request.contract.toLowerCase(),
    gateId: request.gateId,
    zone: request.zone ?? 0,
    domain,
    issuedAt,
    expiresAt,
  });
  return {
    nonce,
    domain,
    uri: `http://${domain}`,
    chainId: deps.chainId,
    contract: getAddress(request.contract),
    gateId: request.gateId,
    issuedAt: issuedAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
}
