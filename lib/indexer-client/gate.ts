/** Gate scanner calls (`/gate/*`): staff sessions (wallet or invite code), pass scans, offline snapshot, its deltas and reconcile. */
import type { GateSignInChallenge } from "../gate/sign-in-message";
import type { OfflineAdmission, SignedSnapshot } from "../offline";
import type { GateInvite, GateInviteSummary, GateSessionSummary } from "../gate/invite-types";
import type { z } from "zod";
import {
  gateInviteSchema,
  gateInvitesSchema,
  gateSessionSchema,
  gateSessionsSchema,
  gateSignInChallengeSchema,
  reconcileResultSchema,
  revokedSchema,
  scanVerdictSchema,
  signedSnapshotSchema,
} from "./call-schemas";
import { postIndexerJson, type PostJsonOptions } from "./post-json";

export type {
  GateInvite,
  GateInviteStatus,
  GateInviteSummary,
  GateSessionStatus,
  GateSessionSummary,
} from "../gate/invite-types";

export type GateSession = z.output<typeof gateSessionSchema>;

/**
 * A scan answer as it crosses the wire: ADMIT or DENY with a reason code. Looser than
 * `GateVerdict` in lib/gate/reasons.ts because the server may add codes the caller does not know.
 */
export type ScanVerdict = z.output<typeof scanVerdictSchema>;

/**
 * Each uploaded admission is accepted, a duplicate (a retry), or a conflict: already admitted at
 * another gate (`firstGateId`, `firstAt`), or refused by an admission rule at its time (`reason`,
 * a code of lib/gate/reasons.ts, e.g. NOT_OWNER, ZONE_NOT_ALLOWED, OUTSIDE_SNAPSHOT).
 */
export type ReconcileResult = z.output<typeof reconcileResultSchema>;

/** Reconcile takes at most this many admissions per request. */
export const RECONCILE_BATCH = 100;

/** `POST /gate/session/nonce`: what gate staff sign to open a scanner session. */
export function requestGateSignIn(
  indexerUrl: string,
  body: { contract: string; gateId: string; zone: number; domain: string },
  o?: PostJsonOptions,
): Promise<GateSignInChallenge> {
  return postIndexerJson(indexerUrl, "/gate/session/nonce", body, gateSignInChallengeSchema, o);
}

/** `POST /gate/session`: trades the signed message for a bearer token. */
export function openGateSession(
  indexerUrl: string,
  message: string,
  signature: string,
  o?: PostJsonOptions,
): Promise<GateSession> {
  return postIndexerJson(indexerUrl, "/gate/session", { message, signature }, gateSessionSchema, o);
}

/**
 * `POST /gate/session/invite`: door staff without a gate wallet trade a one-time invite code
 * (made by the organizer, `ABCD-EFGH-JKMN-PQRS`) for a scanner session bound to this device's key:
 * every later request of the session must be signed with it (pass `deviceKey` in the options).
 *
 * @example
 * const keys = await createDeviceKey();
 * const session = await redeemGateInvite(base, "ABCD-EFGH-JKMN-PQRS", await exportDevicePublicKey(keys.publicKey));
 * await scanPass(base, session.token, pass, undefined, { deviceKey: keys.privateKey });
 */
export function redeemGateInvite(
  indexerUrl: string,
  code: string,
  devicePublicKey: string,
  o?: PostJsonOptions,
): Promise<GateSession> {
  return postIndexerJson(
    indexerUrl,
    "/gate/session/invite",
    { code: code.trim().toUpperCase(), devicePublicKey },
    gateSessionSchema,
    o,
  );
}

/** `POST /gate/pass/scan`: ADMIT or DENY with a reason code (a DENY may come with 400/401/413/429). */
export function scanPass(
  indexerUrl: string,
  token: string,
  pass: string,
  idNumber?: string,
  o?: PostJsonOptions,
): Promise<ScanVerdict> {
  return postIndexerJson(indexerUrl, "/gate/pass/scan", idNumber ? { pass, idNumber } : { pass }, scanVerdictSchema, {
    acceptStatuses: [400, 401, 413, 429],
    ...o,
    token,
  });
}

/** `GET /gate/offline/snapshot`: the signed snapshot an offline scanner verifies against (pin `publicKey` while online). */
export function fetchOfflineSnapshot(indexerUrl: string, token: string, o?: PostJsonOptions): Promise<SignedSnapshot> {
  return postIndexerJson(indexerUrl, "/gate/offline/snapshot", undefined, signedSnapshotSchema, {
    ...o,
    method: "GET",
    token,
  });
}

/** `GET /gate/offline/delta`: the signed changes since a snapshot's cursor (its `block` and `issuedAt`); verify with the pinned key. */
export function fetchOfflineDelta(
  indexerUrl: string,
  token: string,
  since: { block: number; at: number },
  o?: PostJsonOptions,
): Promise<SignedSnapshot> {
  const path = `/gate/offline/delta?block=${since.block}&at=${since.at}`;
  return postIndexerJson(indexerUrl, path, undefined, signedSnapshotSchema, { ...o, method: "GET", token });
}

/** `POST /gate/offline/reconcile`: hands in admissions made offline (≤ {@link RECONCILE_BATCH} per call). */
export function reconcileOffline(
  indexerUrl: string,
  token: string,
  admissions: OfflineAdmission[],
  o?: PostJsonOptions,
): Promise<ReconcileResult> {
  return postIndexerJson(indexerUrl, "/gate/offline/reconcile", { admissions }, reconcileResultSchema, { ...o, token });
}

/** `POST /gate/invites` (organizer session): a one-time code for door staff of one gate and zone. */
export function createGateInvite(
  indexerUrl: string,
  token: string,
  body: { gateId: string; zone: number; ttlSeconds?: number },
  o?: PostJsonOptions,
): Promise<GateInvite> {
  return postIndexerJson(indexerUrl, "/gate/invites", body, gateInviteSchema, { ...o, token });
}

/** `GET /gate/invites` (organizer session): the event's invites, newest first. */
export function listGateInvites(
  indexerUrl: string,
  token: string,
  o?: PostJsonOptions,
): Promise<{ invites: GateInviteSummary[] }> {
  return postIndexerJson(indexerUrl, "/gate/invites", undefined, gateInvitesSchema, {
    ...o,
    method: "GET",
    token,
  });
}

/** `DELETE /gate/invites/:id` (organizer session): the code stops working and the session it became ends. */
export function revokeGateInvite(
  indexerUrl: string,
  token: string,
  id: string,
  o?: PostJsonOptions,
): Promise<{ id: string; revokedAt: string }> {
  return postIndexerJson(indexerUrl, `/gate/invites/${encodeURIComponent(id)}`, undefined, revokedSchema, {
    ...o,
    method: "DELETE",
    token,
  });
}

/** `GET /gate/sessions` (organizer session): the event's scanner sessions (wallet and invite), newest first. */
export function listGateSessions(
  indexerUrl: string,
  token: string,
  o?: PostJsonOptions,
): Promise<{ sessions: GateSessionSummary[] }> {
  return postIndexerJson(indexerUrl, "/gate/sessions", undefined, gateSessionsSchema, {
    ...o,
    method: "GET",
    token,
  });
}

/** `DELETE /gate/sessions/:id` (organizer session): that scanner is refused from now on (other instances within 5 s). */
export function endGateSession(
  indexerUrl: string,
  token: string,
  id: string,
  o?: PostJsonOptions,
): Promise<{ id: string; revokedAt: string }> {
  return postIndexerJson(indexerUrl, `/gate/sessions/${encodeURIComponent(id)}`, undefined, revokedSchema, {
    ...o,
    method: "DELETE",
    token,
  });
}
