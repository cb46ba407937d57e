/**
 * What the gate, pass and seat routes answer, as zod schemas typed by the shapes the app already uses: the request core
 * (./request-json.ts) checks every answer against one of these, so a server that drifts fails here, not in a screen.
 */
import type { Address, Hex } from "viem";
import { z } from "zod";
import type { GateChallenge } from "../gate/challenge-message";
import type { GateInvite, GateInviteSummary, GateSessionSummary } from "../gate/invite-types";
import type { GateSignInChallenge } from "../gate/sign-in-message";
import type { SignedSnapshot } from "../offline";
import type { DelegationRequest } from "../pass/delegation-message";
import type { SiweChallenge } from "../siwe/challenge-message";

export const addressOut = z.string().regex(/^0x[0-9a-fA-F]{40}$/) as unknown as z.ZodType<Address>;
export const hexOut = z.string().regex(/^0x[0-9a-fA-F]*$/) as unknown as z.ZodType<Hex>;

export const siweChallengeShape = {
  nonce: z.string(),
  domain: z.string(),
  uri: z.string(),
  chainId: z.number(),
  issuedAt: z.string(),
  expiresAt: z.string(),
} satisfies Record<keyof SiweChallenge, z.ZodType>;

export const gateChallengeSchema: z.ZodType<GateChallenge> = z.object({
  ...siweChallengeShape,
  contract: addressOut,
  gateId: z.string(),
});
export const gateSignInChallengeSchema: z.ZodType<GateSignInChallenge> = z.object({
  ...siweChallengeShape,
  contract: addressOut,
  gateId: z.string(),
  zone: z.number(),
});
export const delegationRequestSchema: z.ZodType<DelegationRequest> = z.object({
  ...siweChallengeShape,
  contract: addressOut,
});

export const gateSessionSchema = z.object({
  token: z.string(),
  contract: addressOut,
  gateId: z.string(),
  zone: z.number(),
  role: z.enum(["gate", "admin"]),
  staff: z.string(),
  expiresAt: z.string(),
});

/** ADMIT or DENY; looser than `GateVerdict` because the server may add reasons this build does not know. */
export const scanVerdictSchema = z.looseObject({
  result: z.enum(["ADMIT", "DENY"]),
  reason: z.string().optional(),
  message: z.string().optional(),
  tokenId: z.string().optional(),
});

export const signedSnapshotSchema: z.ZodType<SignedSnapshot> = z.object({
  payload: z.string(),
  signature: z.string(),
  publicKey: z.string(),
});

export const reconcileResultSchema = z.object({
  accepted: z.array(z.string()),
  duplicates: z.array(z.string()),
  conflicts: z.array(
    z.object({
      tokenId: z.string(),
      admittedAt: z.string(),
      reason: z.string(),
      message: z.string(),
      firstGateId: z.string().optional(),
      firstAt: z.string().optional(),
    }),
  ),
});

export const gateInviteSchema: z.ZodType<GateInvite> = z.object({
  id: z.string(),
  code: z.string(),
  contract: addressOut,
  gateId: z.string(),
  zone: z.number(),
  expiresAt: z.string(),
});
const gateInviteSummarySchema: z.ZodType<GateInviteSummary> = z.object({
  id: z.string(),
  gateId: z.string(),
  zone: z.number(),
  createdAt: z.string(),
  expiresAt: z.string(),
  redeemedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  status: z.enum(["open", "redeemed", "revoked", "expired"]),
});
export const gateInvitesSchema = z.object({ invites: z.array(gateInviteSummarySchema) });
const gateSessionSummarySchema: z.ZodType<GateSessionSummary> = z.object({
  id: z.string(),
  staff: z.string(),
  gateId: z.string(),
  zone: z.number(),
  role: z.enum(["gate", "admin"]),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  status: z.enum(["active", "revoked", "expired"]),
  current: z.boolean(),
});
export const gateSessionsSchema = z.object({ sessions: z.array(gateSessionSummarySchema) });
export const revokedSchema = z.object({ id: z.string(), revokedAt: z.string() });

export const delegationSchema = z.object({
  contract: addressOut,
  keyId: z.string(),
  holder: addressOut,
  expiresAt: z.string(),
});
