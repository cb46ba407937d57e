/**
 * Development identity provider: accepts any well-formed ID number (5–20 letters and digits
 * after normalisation) without checking who presents it. Good for local runs and tests only:
 * it cannot tell a borrowed or bought ID from the holder's own (that is what a KYC provider is for).
 */
import { identityCommitment, normalizeIdNumber } from "../../../lib/identity/identity-commitment";
import type { IdentityProvider } from "./identity-provider";

export const ID_NUMBER_PATTERN = /^[A-Z0-9]{5,20}$/;

export function createDevIdentityProvider(pepper: string): IdentityProvider {
  return {
    name: "dev",
    async verify({ idNumber }) {
      if (idNumber.length > 64 || !ID_NUMBER_PATTERN.test(normalizeIdNumber(idNumber))) {
        return {
          ok: false,
          code: "IDENTITY_INVALID",
          message: "an ID number is 5–20 letters and digits (spaces and dashes are ignored)",
        };
      }
      return { ok: true, commitment: identityCommitment(pepper, idNumber) };
    },
  };
}
