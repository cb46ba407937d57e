/**
 * SIWE sign-in of an admitted fan: issue a nonce bound to the entry, then verify the signed
 * message through the service's one SIWE path (strict `siwe` parse, domain/URI, chain, nonce,
 * issued-at / expiry / not-before, signature incl. EIP-1271 / ERC-6492) and bind the wallet to the entry. One wallet holds at most one place per sale.
 */
import { and, eq, gt } from "drizzle-orm";
import { getAddress, type Hex } from "viem";
import type { OnsaleEntryStatus } from "../../../lib/onsale/types";
import type { OnsaleSignInChallenge } from "../../../lib/onsale/sign-in-message";
import { onsaleEntries } from "../../db/schema";
import { GateDenial } from "../../gate/gate-denial";
import { generateNonce } from "../../gate/nonce";
import { verifySiwe } from "../../gate/siwe/verify-siwe";
import type { DenyReason } from "../../../lib/gate/reasons";
import type { OnsaleErrorCode } from "../../../lib/onsale/errors";
import type { OnsaleDeps } from "../onsale-deps";
import { OnsaleError } from "../onsale-error";
import type { OnsaleRateLimits } from "../friction/rate-limits";
import { entryStatus } from "../queue/entry-status";
import { findEntry, requireAdmitted } from "../queue/find-entry";

export const SIGN_IN_TTL_SECONDS = 300;

export async function issueSignInNonce(
  deps: OnsaleDeps,
  token: string | undefined,
  domain?: string,
): Promise<OnsaleSignInChallenge> {
  const now = deps.now();
  const { entry, sale } = await findEntry(deps.db, token);
  requireAdmitted(sale, entry, now);
  const chosen = domain ?? deps.siweDomains[0]!;
  if (!deps.siweDomains.includes(chosen)) throw new OnsaleError("WRONG_DOMAIN", `${chosen} is not served here`);
  const nonce = generateNonce();
  const expiresAt = new Date(now.getTime() + SIGN_IN_TTL_SECONDS * 1000);
  await deps.db
    .update(onsaleEntries)
    .set({ siweNonce: nonce, siweNonceExpiresAt: expiresAt })
    .where(eq(onsaleEntries.id, entry.id));
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
  let updated: typeof onsaleEntries.$inferSelect | undefined;
  // The one SIWE path (gate/siwe/verify-siwe.ts): strict parse, domain/URI, chain, this entry's nonce,
  // issued-at / expiry / not-before, signature; the nonce is spent by the update that binds the wallet.
  await asOnsaleError(() =>
    verifySiwe(body.message, body.signature, {
      client: deps.client,
      chainId: deps.chainId,
      siweDomains: deps.siweDomains,
      now,
      nonces: {
        async load(message) {
          if (
            !entry.siweNonce ||
            message.nonce !== entry.siweNonce ||
            !entry.siweNonceExpiresAt ||
            entry.siweNonceExpiresAt <= now
          ) {
            throw new OnsaleError("NONCE_INVALID");
          }
          return {
            nonce: entry.siweNonce,
            issuedAt: new Date(entry.siweNonceExpiresAt.getTime() - SIGN_IN_TTL_SECONDS * 1000),
            expiresAt: entry.siweNonceExpiresAt,
          };
        },
        async consume(nonce, at, wallet) {
          try {
            [updated] = await deps.db
              .update(onsaleEntries)
              .set({ wallet: wallet.toLowerCase(), signedInAt: at, siweNonce: null, siweNonceExpiresAt: null })
              .where(
                and(
                  eq(onsaleEntries.id, entry.id),
                  eq(onsaleEntries.siweNonce, nonce.nonce),
                  gt(onsaleEntries.siweNonceExpiresAt, at),
                ),
              )
              .returning();
          } catch (err) {
            if (isUniqueViolation(err)) throw new OnsaleError("WALLET_IN_USE", getAddress(wallet));
            throw err;
          }
          if (!updated) throw new OnsaleError("NONCE_INVALID", "already used");
        },
      },
      // Refused before any signature work: one wallet cannot make the server verify signatures without bound.
      inspect: (message) => limits.take("wallet", sale.id, message.address.toLowerCase(), sale.walletRequestsPerMinute),
    }),
  );
  return entryStatus(sale, updated!, now);
}

/** The SIWE path's denials in the waiting room's codes (lib/onsale/errors.ts). */
const onsaleCodeOf: Partial<Record<DenyReason, OnsaleErrorCode>> = {
  WRONG_DOMAIN: "WRONG_DOMAIN",
  WRONG_CHAIN: "WRONG_CHAIN",
  UNKNOWN_CHALLENGE: "NONCE_INVALID",
  CHALLENGE_USED: "NONCE_INVALID",
  CHALLENGE_EXPIRED: "NONCE_INVALID",
  BAD_SIGNATURE: "BAD_SIGNATURE",
  INDEXER_STALE: "CHAIN_UNAVAILABLE",
};

export async function asOnsaleError<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    if (err instanceof GateDenial) throw new OnsaleError(onsaleCodeOf[err.reason] ?? "MALFORMED", err.detail);
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
