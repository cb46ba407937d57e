import type { GateSignInChallenge } from "../../lib/gate/sign-in-message";
import { postIndexerJson } from "./post-json";

export type GateSession = { token: string; contract: `0x${string}`; gateId: string; zone: number; role: "gate" | "admin"; staff: string; expiresAt: string };
export type GateVerdict = { result: "ADMIT" | "DENY"; reason?: string; message?: string; tokenId?: string; [key: string]: unknown };

/** `POST /gate/session/nonce`: what gate staff sign to open a scanner session. */
export function requestGateSignIn(indexerUrl: string, body: { contract: string; gateId: string; zone: number; domain: string }): Promise<GateSignInChallenge> {
  return postIndexerJson<GateSignInChallenge>(indexerUrl, "/gate/session/nonce", body);
}

/** `POST /gate/session`: trades the signed message for a bearer token. */
export function openGateSession(indexerUrl: string, message: string, signature: string): Promise<GateSession> {
  return postIndexerJson<GateSession>(indexerUrl, "/gate/session", { message, signature });
}

/** `POST /gate/pass/scan`: ADMIT or DENY with a reason code (a DENY may come with 400/401/429). */
export function scanPass(indexerUrl: string, token: string, pass: string, idNumber?: string): Promise<GateVerdict> {
  return postIndexerJson<GateVerdict>(indexerUrl, "/gate/pass/scan", idNumber ? { pass, idNumber } : { pass }, { token, acceptStatuses: [400, 401, 413, 429] });
}
