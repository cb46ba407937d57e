/**
 * Who is scanning: the bearer token of a gate session, looked up by hash (cached briefly, so a
 * revocation reaches every instance within CACHE_MS); for a session bound to a device key
 * (invite sessions), the request's device signature; then the device's rate limit.
 *
 * A cached session is re-read in the background once it is REFRESH_AHEAD old, while it still
 * answers: a busy gate never waits for its session, and gates whose entries come due together
 * share one statement (session-lookup.ts). A read older than CACHE_MS is never used, and an
 * entry is stamped with the time its read started, so the revocation bound holds.
 */
import type { KeyObject } from "node:crypto";
import type { GateContext } from "../gate-context";
import { GateDenial } from "../gate-denial";
import type { GateSession } from "./gate-session";
import { hashSecret } from "./session-token";
import { sessionLookup } from "./session-lookup";
import { checkDeviceProof, deviceKeyObject, type DeviceProof } from "./device-proof";

export const CACHE_MS = 5_000;
/** Re-read a cached session in the background from this age on. */
const REFRESH_AHEAD_MS = 3_500;
const MAX_CACHED = 10_000;
type Cached = { at: number; session: GateSession | null; deviceKey: KeyObject | null; refreshing: boolean };
const cacheByDb = new WeakMap<object, Map<string, Cached>>();

async function readSession(
  ctx: GateContext,
  cache: Map<string, Cached>,
  tokenHash: string,
  previous: Cached | undefined,
): Promise<Cached> {
  const at = Date.now();
  const session = await sessionLookup(ctx.db)(tokenHash);
  // Parsed once per key; stored keys were checked at redemption.
  const deviceKey = !session?.devicePublicKey
    ? null
    : previous?.deviceKey && previous.session?.devicePublicKey === session.devicePublicKey
      ? previous.deviceKey
      : deviceKeyObject(session.devicePublicKey);
  const entry = { at, session, deviceKey, refreshing: false };
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(tokenHash, entry);
  return entry;
}

/**
 * The session behind an `Authorization: Bearer …` header, or GATE_UNAUTHORIZED. Its on-chain
 * authority is re-checked (staff-authority.ts): from a cache at most a minute old, or, for a
 * `privileged` call (snapshot, reconcile, invites, sessions), read afresh.
 */
export async function authenticate(
  ctx: GateContext,
  authorization: string | undefined,
  proof?: DeviceProof,
  opts: { privileged?: boolean; scanRate?: boolean } = {},
): Promise<GateSession> {
  const m = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(authorization ?? "");
  if (!m)
    throw new GateDenial("GATE_UNAUTHORIZED", "sign the scanner in: Authorization: Bearer <session token> is missing");
  const tokenHash = hashSecret(m[1]!);
  let cache = cacheByDb.get(ctx.db);
  if (!cache) cacheByDb.set(ctx.db, (cache = new Map()));
  const now = ctx.now().getTime();
  let hit = cache.get(tokenHash);
  const age = hit ? Date.now() - hit.at : Infinity;
  if (!hit || age > CACHE_MS) {
    hit = await readSession(ctx, cache, tokenHash, hit);
  } else if (age > REFRESH_AHEAD_MS && !hit.refreshing) {
    const stale = hit;
    stale.refreshing = true;
    // A failed refresh leaves the entry to expire; the next scan past CACHE_MS reads (and reports) it.
    readSession(ctx, cache, tokenHash, stale).catch(() => (stale.refreshing = false));
  }
  const session = hit.session;
  if (!session || session.expiresAt.getTime() <= now) {
    throw new GateDenial("GATE_UNAUTHORIZED", "session unknown, revoked or expired: sign the scanner in again");
  }
  if (hit.deviceKey) checkDeviceProof(hit.deviceKey, proof, Date.now());
  // The per-device scan rate is for scanners; an organizer's dashboard reads (several charts at once)
  // are held by the per-client request limits instead (`scanRate: false`).
  if (opts.scanRate !== false && !ctx.rateLimiter.take(tokenHash))
    throw new GateDenial("RATE_LIMITED", `more than ${ctx.settings.scanRatePerSecond} scans/s from this device`);
  await ctx.staffAuthority.check(session, { fresh: opts.privileged === true });
  return session;
}

/** Drops cached lookups (after a revocation on this instance). */
export function forgetSessions(ctx: Pick<GateContext, "db">): void {
  // A new map, not clear(): a read in flight from before the revocation lands in the old one.
  cacheByDb.set(ctx.db, new Map());
}
