/**
 * SIWE sign-in of an admitted fan: issue a nonce bound to the entry, then verify the signed
 * message (strict `siwe` parse, domain/URI, chain, nonce, times, signature incl. EIP-1271 /
 * ERC-6492) and bind the wallet to the entry. One wallet holds at most one place per sale.
 */
import { and, eq, gt } from "drizzle-orm";
import { getAddress, type Hex } from "viem";
import type { OnsaleEntryStatus } from "../../../lib/onsale/types";
import type { OnsaleSignInChallenge } from "../../../lib/onsale/sign-in-message";
import { onsaleEntries } from "../../db/schema";
import { GateDenial } from "../../gate/gate-denial";
import { generateNonce } from "../../gate/nonce";
import { checkChain } from "../../gate/steps/check-chain";
import { checkDomain } from "../../gate/steps/check-domain";
import { parseMessage } from "../../gate/steps/parse-message";
import { verifySignature } from "../../gate/steps/verify-signature";
import type { OnsaleDeps } from "../onsale-deps";
import { OnsaleError } from "../onsale-error";
import type { OnsaleRateLimits } from "../friction/rate-limits";
import { entryStatus } from "../queue/entry-status";
import { findEntry, requireAdmitted } from "../queue/find-entry";

export const SIGN_IN_TTL_SECONDS = 300;

export async function issueSignInNonce(deps: OnsaleDeps, token: string | undefined, domain?: string): Promise<OnsaleSignInChallenge> {
  const now = deps.now();
  const { entry, sale } = await findEntry(deps.db, token);
  requireAdmitted(sale, entry, now);
  const chosen = domain ?? deps.siweDomains[0]!;
  if (!deps.siweDomains.includes(chosen)) throw new OnsaleError("WRONG_DOMAIN", `${chosen} is not served here`);
  const nonce = generateNonce();
  const expiresAt = new Date(now.getTime() + SIGN_IN_TTL_SECONDS * 1000);
  await deps.db.update(onsaleEntries).set({ siweNonce: nonce, siweNonceExpiresAt: expiresAt }).where(eq(onsaleEntries.id, entry.id));
  return {
    nonce,
    domain: chosen,
    uri: `http://${chosen}`,
    chainId: deps.chainId,
    saleId: sale.id,
    contract: getAddress(sale.contract),
    issuedAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
}

export async function signIn(
  deps: OnsaleDeps,
  limits: OnsaleRateLimits,
  token: string | undefined,
  body: { message: string; signature: Hex },
): Promise<OnsaleEntryStatus> {
  const now = deps.now();
  const { entry, sale } = await findEntry(deps.db, token);
  requireAdmitted(sale, entry, now);
  const message = asOnsaleError(() => parseMessage(body.message));
  limits.take("wallet", sale.id, message.address.toLowerCase(), sale.walletRequestsPerMinute);
  asOnsaleError(() => checkDomain(message, deps.siweDomains));
  asOnsaleError(() => checkChain(message, deps.chainId));
  if (!entry.siweNonce || message.nonce !== entry.siweNonce || !entry.siweNonceExpiresAt || entry.siweNonceExpiresAt < now) {
    throw new OnsaleError("NONCE_INVALID");
  }
  if (message.expirationTime && new Date(message.expirationTime) < now) throw new OnsaleError("NONCE_INVALID", "message expired");
  const wallet = getAddress(message.address);
  try {
    await verifySignature(deps.client, wallet, body.message, body.signature);
  } catch (err) {
    if (err instanceof GateDenial) throw new OnsaleError(err.reason === "BAD_SIGNATURE" ? "BAD_SIGNATURE" : "CHAIN_UNAVAILABLE", err.detail);
    throw err;
  }
  let updated;
  try {
    [updated] = await deps.db
      .update(onsaleEntries)
      .set({ wallet: wallet.toLowerCase(), signedInAt: now, siweNonce: null, siweNonceExpiresAt: null })
      .where(and(eq(onsaleEntries.id, entry.id), eq(onsaleEntries.siweNonce, message.nonce), gt(onsaleEntries.siweNonceExpiresAt, now)))
      .returning();
  } catch (err) {
    if (isUniqueViolation(err)) throw new OnsaleError("WALLET_IN_USE", wallet);
    throw err;
  }
  if (!updated) throw new OnsaleError("NONCE_INVALID", "already used");
  return entryStatus(sale, updated, now);
}

function asOnsaleError<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof GateDenial) {
      const code = err.reason === "WRONG_DOMAIN" || err.reason === "WRONG_CHAIN" ? err.reason : "MALFORMED";
      throw new OnsaleError(code, err.detail);
    }
    throw err;
  }
}

/** PostgreSQL unique_violation, however the driver wraps it. */
export function isUniqueViolation(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === "23505") return true;
  }
  return false;
}
