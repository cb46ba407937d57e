/**
 * One-time invite codes for door staff without a wallet: the organizer (an `admin` session)
 * issues one per gate, staff redeem it once on their scanner for a session, the organizer can
 * revoke it (which ends that session too).
 */
import { inviteCodeKey } from "../../../lib/gate/invite-code";
import { and, desc, eq, isNull } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import type { GateInvite, GateInviteSummary } from "../../../lib/gate/invite-types";
import { gateInvites, gateSessions } from "../../db/schema";
import type { GateContext } from "../gate-context";
import { GateDenial } from "../gate-denial";
import { forgetSessions } from "./authenticate";
import { openSession, type GateSession, type OpenedSession } from "./gate-session";
import { hashSecret } from "./session-token";
import { deviceKeyObject } from "./device-proof";

/** Easy to type from paper: no 0/O, 1/I/L. 16 characters ≈ 80 bits. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

function newCode(): string {
  const bytes = randomBytes(16);
  let s = "";
  for (const b of bytes) s += CODE_ALPHABET[b % CODE_ALPHABET.length];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8, 12)}-${s.slice(12)}`;
}

/** Newest 200 invites are plenty for one event's door staff; the list is for the organizer's screen. */
const LIST_LIMIT = 200;

export async function createInvite(
  ctx: GateContext,
  admin: GateSession,
  req: { gateId: string; zone: number; ttlSeconds: number },
): Promise<GateInvite> {
  if (admin.role !== "admin")
    throw new GateDenial("GATE_UNAUTHORIZED", "only the organizer's session may issue invites");
  const code = newCode();
  const id = randomBytes(8).toString("hex");
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + req.ttlSeconds * 1000);
  await ctx.db.insert(gateInvites).values({
    id,
    codeHash: hashSecret(inviteCodeKey(code)),
    contract: admin.contract.toLowerCase(),
    gateId: req.gateId,
    zone: req.zone,
    createdBy: admin.staff,
    createdAt: now,
    expiresAt,
  });
  return { id, code, contract: admin.contract, gateId: req.gateId, zone: req.zone, expiresAt: expiresAt.toISOString() };
}

/**
 * Claims the code and opens a session bound to the scanner's device key: every later request of
 * that session must be signed by it (see device-proof.ts), so the token alone is worth nothing.
 */
export async function redeemInvite(ctx: GateContext, code: string, devicePublicKey: string): Promise<OpenedSession> {
  try {
    deviceKeyObject(devicePublicKey);
  } catch (err) {
    throw new GateDenial("MALFORMED", `devicePublicKey: ${(err as Error).message}`);
  }
  const now = ctx.now();
  return ctx.db.transaction(async (tx) => {
    // One statement claims the code: of two racing redemptions, one wins.
    const [invite] = await tx
      .update(gateInvites)
      .set({ redeemedAt: now })
      .where(
        and(
          eq(gateInvites.codeHash, hashSecret(inviteCodeKey(code))),
          isNull(gateInvites.redeemedAt),
          isNull(gateInvites.revokedAt),
        ),
      )
      .returning();
    if (!invite || invite.expiresAt.getTime() <= now.getTime()) {
      throw new GateDenial("GATE_UNAUTHORIZED", "invite code unknown, already used, revoked or expired");
    }
    const { tokenHash, ...session } = await openSession(tx, {
      contract: invite.contract as `0x${string}`,
      gateId: invite.gateId,
      zone: invite.zone,
      role: "gate",
      staff: `invite:${invite.id}`,
      devicePublicKey,
      now,
      ttlSeconds: ctx.settings.sessionTtlSeconds,
      authority: "invite",
    });
    await tx.update(gateInvites).set({ sessionHash: tokenHash }).where(eq(gateInvites.id, invite.id));
    return session;
  });
}

export async function listInvites(ctx: GateContext, admin: GateSession): Promise<{ invites: GateInviteSummary[] }> {
  if (admin.role !== "admin")
    throw new GateDenial("GATE_UNAUTHORIZED", "only the organizer's session may list invites");
  const now = ctx.now().getTime();
  const rows = await ctx.db
    .select()
    .from(gateInvites)
    .where(eq(gateInvites.contract, admin.contract.toLowerCase()))
    .orderBy(desc(gateInvites.createdAt), gateInvites.id)
    .limit(LIST_LIMIT);
  return {
    invites: rows.map((r) => ({
      id: r.id,
      gateId: r.gateId,
      zone: r.zone,
      createdAt: r.createdAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      redeemedAt: r.redeemedAt?.toISOString() ?? null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
      status: r.revokedAt ? "revoked" : r.redeemedAt ? "redeemed" : r.expiresAt.getTime() <= now ? "expired" : "open",
    })),
  };
}

export async function revokeInvite(
  ctx: GateContext,
  admin: GateSession,
  id: string,
): Promise<{ id: string; revokedAt: string }> {
  if (admin.role !== "admin")
    throw new GateDenial("GATE_UNAUTHORIZED", "only the organizer's session may revoke invites");
  const now = ctx.now();
  const [invite] = await ctx.db
    .update(gateInvites)
    .set({ revokedAt: now })
    .where(and(eq(gateInvites.id, id), eq(gateInvites.contract, admin.contract.toLowerCase())))
    .returning();
  if (!invite) throw new GateDenial("GATE_UNAUTHORIZED", `no invite ${id} for this event`);
  if (invite.sessionHash) {
    await ctx.db.update(gateSessions).set({ revokedAt: now }).where(eq(gateSessions.tokenHash, invite.sessionHash));
    forgetSessions(ctx);
  }
  return { id, revokedAt: now.toISOString() };
}
