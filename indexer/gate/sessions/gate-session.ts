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
};

export type OpenedSession = Omit<GateSession, "tokenHash"> & { token: string };

export async function openSession(
  db: DbOrTx,
  s: { contract: Address; gateId: string; zone: number; role: "gate" | "admin"; staff: string; now: Date; ttlSeconds: number },
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
    createdAt: s.now,
    expiresAt,
  });
  return { token, tokenHash, contract: s.contract, gateId: s.gateId, zone: s.zone, role: s.role, staff: s.staff, expiresAt };
}
