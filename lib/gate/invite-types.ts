/** Door-staff invite codes as the gate service answers them (shared by the server and its clients). */

/** An invite as `POST /gate/invites` returns it: the only time the code is shown. */
export type GateInvite = {
  id: string;
  code: string;
  contract: `0x${string}`;
  gateId: string;
  zone: number;
  expiresAt: string;
};

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

export type GateSessionStatus = "active" | "revoked" | "expired";

/** A scanner session as `GET /gate/sessions` lists it for the organizer (no token: only its hash is kept). */
export type GateSessionSummary = {
  /** First 16 hex digits of the token's hash: names the session for `DELETE /gate/sessions/:id`. */
  id: string;
  /** The staff wallet (lowercase), or `invite:<invite id>` for door staff without a wallet. */
  staff: string;
  gateId: string;
  zone: number;
  role: "gate" | "admin";
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  status: GateSessionStatus;
  /** The session asking (the organizer's own). */
  current: boolean;
};
