/**
 * The one seam for real identity checks. The waiting room asks a provider "is this the person
 * behind this ID number?" and keeps only the HMAC commitment it answers with.
 *
 * Production: implement this with a KYC provider (document scan + liveness selfie). The app runs
 * the provider's client SDK and sends the resulting session reference as `evidence`; `verify`
 * asks the provider's server API whether that session verified a document whose number is
 * `idNumber` (and optionally that the session belongs to `wallet`), then returns
 * `identityCommitment(pepper, idNumber)`. Never store the document data; the provider keeps it.
 */
import type { Address, Hex } from "viem";

export type IdentityCheck = {
  saleId: string;
  wallet: Address;
  idNumber: string;
  /** Opaque proof from the provider's client SDK (e.g. a KYC session id); unused by the dev provider. */
  evidence?: string | undefined;
};

export type IdentityVerdict =
  | { ok: true; commitment: Hex }
  | { ok: false; code: "IDENTITY_INVALID" | "IDENTITY_REJECTED"; message: string };

export interface IdentityProvider {
  readonly name: string;
  verify(check: IdentityCheck): Promise<IdentityVerdict>;
}
