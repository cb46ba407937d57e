/** A signed-in scanner: which event, gate and zone it serves, and whether it may manage invites. */
import type { Address } from "viem";
import { gateSessions } from "../../db/schema";
import type { DbOrTx } from "../../db/types";
import { hashSecret, newSecret } from "./session-token";

export type GateSession = {
  tokenHash: string;
  contract: Address;
  gateId: string;
  zone: number;
  role: "gate" | "admin";
  staff: string;
  expiresAt: Date;
  /** Invite sessions: the scanner's device key (base64url raw P-256) that must sign each request. */
  devicePublicKey: string | null;
  /** What its authority rests on, re-checked on chain (staff-authority.ts); null: nothing to re-check. */
  authority?: "wallet" | "invite" | null;
};

export type OpenedSession = Omit<GateSession, "tokenHash"> & { token: string };

export async function openSession(
  db: DbOrTx,
  s: {
    contract: Address;
    gateId: string;
    zone: number;
    role: "gate" | "admin";
    staff: string;
    now: Date;
    ttlSeconds: number;
    devicePublicKey?: string;
    /** What to re-check on chain while the session lives (staff-authority.ts); none for sessions made by tests and benchmarks. */
    authority?: "wallet" | "invite";
  },
): Promise<OpenedSession & { tokenHash: string }> {
  const token = newSecret();
  const tokenHash = hashSecret(token);
  const expiresAt = new Date(s.now.getTime() + s.ttlSeconds * 1000);
  await db.insert(gateSessions).values({
    tokenHash,
    contract: s.contract.toLowerCase(),
    gateId: s.gateId,
    zone: s.zone,
    role: s.role,
    staff: s.staff,
    devicePublicKey: s.devicePublicKey ?? null,
    authority: s.authority ?? null,
    createdAt: s.now,
    expiresAt,
  });
  return {
    token,
    tokenHash,
    contract: s.contract,
    gateId: s.gateId,
    zone: s.zone,
    role: s.role,
    staff: s.staff,
    expiresAt,
    devicePublicKey: s.devicePublicKey ?? null,
  };
}
