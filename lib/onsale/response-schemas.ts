/** What the `/onsale` routes answer, as zod schemas typed by ./types.ts: the onsale client checks every answer. */
import { z } from "zod";
import type { BindingChallenge, BindingSignature } from "../identity/identity-binding";
import { addressOut, hexOut, siweChallengeShape } from "../indexer-client/call-schemas";
import type { OnsaleSignInChallenge } from "./sign-in-message";
import type {
  OnsaleEntryStatus,
  OnsaleInfo,
  OnsaleIssuedVoucher,
  OnsaleJoinResult,
  OnsalePowChallenge,
  OnsaleSale,
} from "./types";

export const onsaleInfoSchema: z.ZodType<OnsaleInfo> = z.object({
  chainId: z.number(),
  voucherSigner: addressOut.nullable(),
});

export const onsaleSaleSchema: z.ZodType<OnsaleSale> = z.object({
  id: z.string(),
  contract: addressOut,
  tier: z.number(),
  opensAt: z.string(),
  admitPerSecond: z.number(),
  lottery: z.boolean(),
  powBits: z.number(),
  maxPerIdentity: z.number(),
  identityRequired: z.boolean(),
  ipJoinsPerMinute: z.number(),
  walletRequestsPerMinute: z.number(),
  admissionTtlSeconds: z.number(),
  voucherTtlSeconds: z.number(),
  drawn: z.boolean(),
  queued: z.number(),
  admittedThrough: z.number(),
});
export const onsaleSalesSchema = z.object({ sales: z.array(onsaleSaleSchema) });

export const onsalePowChallengeSchema: z.ZodType<OnsalePowChallenge> = z.object({
  challenge: z.string(),
  bits: z.number(),
  expiresAt: z.string(),
});

export const onsaleEntryStatusSchema: z.ZodType<OnsaleEntryStatus> = z.object({
  saleId: z.string(),
  state: z.enum(["early", "waiting", "admitted", "voucher", "expired"]),
  position: z.number().nullable(),
  ahead: z.number().nullable(),
  estimatedWaitSeconds: z.number().nullable(),
  opensAt: z.string(),
  joinedAt: z.string(),
  admittedAt: z.string().nullable(),
  admissionExpiresAt: z.string().nullable(),
  wallet: addressOut.nullable(),
});

export const onsaleJoinResultSchema: z.ZodType<OnsaleJoinResult> = z.object({
  token: z.string(),
  status: onsaleEntryStatusSchema,
});

export const onsaleSignInChallengeSchema: z.ZodType<OnsaleSignInChallenge> = z.object({
  ...siweChallengeShape,
  saleId: z.string(),
  contract: addressOut,
});

export const onsaleIssuedVoucherSchema: z.ZodType<OnsaleIssuedVoucher> = z.object({
  chainId: z.number(),
  contract: addressOut,
  voucher: z.object({
    to: addressOut,
    tier: z.number(),
    quantity: z.number(),
    identityCommitment: hexOut,
    nonce: hexOut,
    deadline: z.number(),
  }),
  signature: hexOut,
  price: z.string(),
});

export const bindingChallengeSchema: z.ZodType<BindingChallenge> = z.object({
  ...siweChallengeShape,
  contract: addressOut,
  tokenId: z.string(),
});

export const bindingSignatureSchema: z.ZodType<BindingSignature> = z.object({
  contract: addressOut,
  tokenId: z.string(),
  holder: addressOut,
  identityCommitment: hexOut,
  signature: hexOut,
});
