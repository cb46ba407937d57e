/** Door-staff invite codes as the gate service answers them (shared by the server and its clients). */

/** An invite as `POST /gate/invites` returns it: the only time the code is shown. */
export type GateInvite = { id: string; code: string; contract: `0x${string}`; gateId: string; zone: number; expiresAt: string };

export type GateInviteStatus = "open" | "redeemed" | "revoked" | "expired";

/** An issued invite as `GET /gate/invites` lists it (no code: the server keeps only its hash). */
export type GateInviteSummary = {
  id: string;
  gateId: string;
  zone: number;
  createdAt: string;
  expiresAt: string;
  redeemedAt: string | null;
  revokedAt: string | null;
  status: GateInviteStatus;
};
