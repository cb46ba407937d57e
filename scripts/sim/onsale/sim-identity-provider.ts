/**
 * The identity provider the simulation plugs into the real service. In sales without KYC it is
 * the dev provider (any well-formed ID passes). In KYC sales it models a document + liveness
 * check: the ID must exist (fake numbers fail) and the person presenting must be its owner;
 * a borrowed or bought ID slips through with probability `missRate` (deterministic per ID).
 */
import { createHash } from "node:crypto";
import { normalizeIdNumber } from "../../../lib/identity/identity-commitment";
import { createDevIdentityProvider } from "../../../indexer/onsale/identity/dev-identity-provider";
import type { IdentityProvider } from "../../../indexer/onsale/identity/identity-provider";

export function createSimIdentityProvider(pepper: string, registry: Map<string, string>, missRate: number) {
  const dev = createDevIdentityProvider(pepper);
  const kycSales = new Set<string>();
  const provider: IdentityProvider = {
    name: "sim-kyc",
    async verify(check) {
      const base = await dev.verify(check);
      if (!base.ok || !kycSales.has(check.saleId)) return base;
      const id = normalizeIdNumber(check.idNumber);
      const owner = registry.get(id);
      if (!owner) return { ok: false, code: "IDENTITY_REJECTED", message: "no such document" };
      if (owner !== check.evidence) {
        const roll = createHash("sha256").update(`${check.saleId}:${id}`).digest().readUInt32BE(0) / 2 ** 32;
        if (roll >= missRate)
          return { ok: false, code: "IDENTITY_REJECTED", message: "the face does not match the document" };
      }
      return base;
    },
  };
  return { provider, enableKyc: (saleId: string) => kycSales.add(saleId) };
}
