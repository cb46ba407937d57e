/**
 * POST /onsale/bindings: the identity service's half of the real-name deadline. The identity
 * provider verifies the ID number (KYC in production) and answers its HMAC commitment; the voucher
 * signer attests it for (event, ticket, holder). The holder then sends `bindIdentity` itself: the
 * contract accepts it only from the ticket's current holder, so an attestation obtained with
 * someone else's ID cannot be pushed onto another wallet's ticket. Nothing is stored here, and the
 * ID number never leaves this function (not in errors, not in logs).
 */
import { getAddress, isAddress, type Address } from "viem";
import { z } from "zod";
import type { BindingSignature } from "../../../lib/identity/identity-binding";
import type { OnsaleDeps } from "../onsale-deps";
import { OnsaleError } from "../onsale-error";

export const bindingSchema = z.object({
  contract: z.string().refine((a) => isAddress(a), "not an address"),
  tokenId: z.string().regex(/^[0-9]{1,78}$/),
  holder: z.string().refine((a) => isAddress(a), "not an address"),
  idNumber: z.string().min(1).max(64),
  identityEvidence: z.string().max(2048).optional(),
});

export async function signIdentityBinding(deps: OnsaleDeps, req: z.output<typeof bindingSchema>): Promise<BindingSignature> {
  const contract = getAddress(req.contract) as Address;
  const holder = getAddress(req.holder) as Address;
  const verdict = await deps.identity.verify({ saleId: `binding:${contract}`, wallet: holder, idNumber: req.idNumber, evidence: req.identityEvidence });
  if (!verdict.ok) throw new OnsaleError(verdict.code, verdict.message);
  const signer = deps.signer;
  if (!signer) throw new OnsaleError("SIGNER_UNAVAILABLE", "no identity signer configured (ONSALE_SIGNER_KEY)");
  const tokenId = BigInt(req.tokenId);
  const signature = await signer.signBinding(deps.chainId, contract, { tokenId, holder, identityCommitment: verdict.commitment });
  return { contract, tokenId: req.tokenId, holder, identityCommitment: verdict.commitment, signature };
}
