/**
 * Who is scanning: the bearer token of a gate session, looked up by hash (cached briefly, so a
 * revocation reaches every instance within CACHE_MS); for a session bound to a device key
 * (invite sessions), the request's device signature; then the device's rate limit.
 */
import type { KeyObject } from "node:crypto";
import { eq } from "drizzle-orm";
import { getAddress } from "viem";
import { gateSessions } from "../../db/schema";
import type { GateContext } from "../gate-context";
import { GateDenial } from "../gate-denial";
import type { GateSession } from "./gate-session";
import { hashSecret } from "./session-token";
import { checkDeviceProof, deviceKeyObject, type DeviceProof } from "./device-proof";

const CACHE_MS = 5_000;
const MAX_CACHED = 10_000;
const cacheByDb = new WeakMap<object, Map<string, { at: number; session: GateSession | null; deviceKey: KeyObject | null }>>();

/** The session behind an `Authorization: Bearer …` header, or GATE_UNAUTHORIZED. */
export async function authenticate(ctx: GateContext, authorization: string | undefined, proof?: DeviceProof): Promise<GateSession> {
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? "");
  if (!m) throw new GateDenial("GATE_UNAUTHORIZED", "sign the scanner in: Authorization: Bearer <session token> is missing");
  const tokenHash = hashSecret(m[1]!);
  let cache = cacheByDb.get(ctx.db);
  if (!cache) cacheByDb.set(ctx.db, (cache = new Map()));
  const now = ctx.now().getTime();
  let hit = cache.get(tokenHash);
  if (!hit || Date.now() - hit.at > CACHE_MS) {
    const [row] = await ctx.db.select().from(gateSessions).where(eq(gateSessions.tokenHash, tokenHash));
    const session: GateSession | null =
      row && row.revokedAt === null
        ? {
            tokenHash,
            contract: getAddress(row.contract),
            gateId: row.gateId,
            zone: row.zone,
            role: row.role === "admin" ? "admin" : "gate",
            staff: row.staff,
            expiresAt: row.expiresAt,
            devicePublicKey: row.devicePublicKey,
          }
        : null;
    if (cache.size >= MAX_CACHED) cache.clear();
    // Parsed once per cache entry; stored keys were checked at redemption.
    hit = { at: Date.now(), session, deviceKey: session?.devicePublicKey ? deviceKeyObject(session.devicePublicKey) : null };
    cache.set(tokenHash, hit);
  }
  const session = hit.session;
  if (!session || session.expiresAt.getTime() <= now) {
    throw new GateDenial("GATE_UNAUTHORIZED", "session unknown, revoked or expired: sign the scanner in again");
  }
  if (hit.deviceKey) checkDeviceProof(hit.deviceKey, proof, Date.now());
  if (!ctx.rateLimiter.take(tokenHash)) throw new GateDenial("RATE_LIMITED", `more than ${ctx.settings.scanRatePerSecond} scans/s from this device`);
  return session;
}

/** Drops cached lookups (after a revocation on this instance). */
export function forgetSessions(ctx: GateContext): void {
  cacheByDb.get(ctx.db)?.clear();
}
