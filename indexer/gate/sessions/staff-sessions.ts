/**
 * The organizer's view of the event's scanner sessions, and the way to end one now: a lost phone,
 * staff who went home, a wallet whose role is being revoked. `GET /gate/sessions` and
 * `DELETE /gate/sessions/:id` with the organizer's (admin) session. A session's id is the first
 * 16 hex digits of its token's hash: enough to name it, no use as a credential.
 */
import { and, desc, eq, sql } from "drizzle-orm";
import type { GateSessionSummary } from "../../../lib/gate/invite-types";
import { gateInvites, gateSessions } from "../../db/schema";
import type { GateContext } from "../gate-context";
import { GateDenial } from "../gate-denial";
import { forgetSessions } from "./authenticate";
import type { GateSession } from "./gate-session";

/** The newest 200 are plenty for one event's door staff; the list is for the organizer's screen. */
const LIST_LIMIT = 200;
const idOf = (tokenHash: string) => tokenHash.slice(0, 16);

function requireAdmin(admin: GateSession, what: string): void {
  if (admin.role !== "admin") throw new GateDenial("GATE_UNAUTHORIZED", `only the organizer's session may ${what}`);
}

export async function listStaffSessions(
  ctx: GateContext,
  admin: GateSession,
): Promise<{ sessions: GateSessionSummary[] }> {
  requireAdmin(admin, "list scanner sessions");
  const now = ctx.now().getTime();
  const rows = await ctx.db
    .select()
    .from(gateSessions)
    .where(eq(gateSessions.contract, admin.contract.toLowerCase()))
    .orderBy(desc(gateSessions.createdAt), gateSessions.tokenHash)
    .limit(LIST_LIMIT);
  return {
    sessions: rows.map((r) => ({
      id: idOf(r.tokenHash),
      staff: r.staff,
      gateId: r.gateId,
      zone: r.zone,
      role: r.role === "admin" ? "admin" : "gate",
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      revokedAt: r.revokedAt?.toISOString() ?? null,
      status: r.revokedAt ? "revoked" : r.expiresAt.getTime() <= now ? "expired" : "active",
      current: r.tokenHash === admin.tokenHash,
    })),
  };
}

/** Ends one of the event's sessions at once (on this instance; on others within their session cache, 5 s). */
export async function endStaffSession(
  ctx: GateContext,
  admin: GateSession,
  id: string,
): Promise<{ id: string; revokedAt: string }> {
  requireAdmin(admin, "end scanner sessions");
  if (!/^[0-9a-f]{16}$/.test(id))
    throw new GateDenial("MALFORMED", "a session id is 16 hex digits (GET /gate/sessions)");
  const now = ctx.now();
  const ended = await ctx.db
    .update(gateSessions)
    .set({ revokedAt: now })
    .where(
      and(eq(gateSessions.contract, admin.contract.toLowerCase()), sql`left(${gateSessions.tokenHash}, 16) = ${id}`),
    )
    .returning({ tokenHash: gateSessions.tokenHash });
  if (ended.length === 0) throw new GateDenial("GATE_UNAUTHORIZED", `no session ${id} for this event`);
  // An invite's session ended: its invite reads as revoked too.
  for (const s of ended)
    await ctx.db.update(gateInvites).set({ revokedAt: now }).where(eq(gateInvites.sessionHash, s.tokenHash));
  forgetSessions(ctx);
  return { id, revokedAt: now.toISOString() };
}
