/**
 * POST /onsale/bindings: the identity service's half of the real-name deadline. The ticket's holder
 * signs in for that one ticket (SIWE through the service's one path, nonce single use, the ticket as
 * a CAIP-19 resource); the service checks on chain that the signer holds it, the identity provider
 * verifies the ID number (KYC in production) and answers its HMAC commitment, and the voucher signer
 * attests it for (event, ticket, holder). The holder then sends `bindIdentity` itself.
 *
 * Why the sign-in: the answer carries the commitment of whatever ID number was sent. Open to anyone,
 * it was an oracle (is this the ID behind that public on-chain commitment?); now each answer costs a
 * held ticket, a wallet signature and a nonce, and is rate-limited per address and per wallet.
 * Nothing is stored here, and the ID number never leaves this function (not in errors, not in logs).
 */
import { BaseError, ContractFunctionRevertedError, getAddress, isAddressEqual, type Address, type Hex } from "viem";
import { z } from "zod";
import { eventTicketAbi } from "../../../lib/generated/abis";
import type { BindingChallenge, BindingSignature } from "../../../lib/identity/identity-binding";
import { AppError } from "../../../lib/errors/app-error";
import { issueChallenge } from "../../gate/issue-challenge";
import { verifySiweOnce } from "../../gate/siwe/verify-siwe-once";
import { ticketFromMessage, type TicketRef } from "../../gate/steps/ticket-from-message";
import type { OnsaleRateLimits } from "../friction/rate-limits";
import type { OnsaleDeps } from "../onsale-deps";
import { OnsaleError } from "../onsale-error";
import { asOnsaleError } from "../signin/sign-in";

/** A binding sign-in is answered within this long. */
const BINDING_NONCE_SECONDS = 300;
/** Binding requests per wallet per minute (burst 5): room for a typo or two, not for a list of guessed ID numbers. */
export const BINDINGS_PER_WALLET_PER_MINUTE = 20;
/** Nonce and binding calls per client address per minute (burst 15). */
export const BINDING_CALLS_PER_IP_PER_MINUTE = 60;

export const bindingNonceSchema = z.object({
  contract: z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte hex address"),
  tokenId: z
    .string()
    .regex(/^[0-9]{1,78}$/)
    .refine((t) => BigInt(t) < 2n ** 256n, "token id out of range"),
  domain: z.string().max(255).optional(),
});

export const bindingSchema = z.object({
  message: z.string().min(1).max(4096),
  signature: z
    .string()
    .regex(/^0x[0-9a-fA-F]*$/)
    .max(20_000),
  idNumber: z.string().min(1).max(64),
  identityEvidence: z.string().max(2048).optional(),
});

/** `POST /onsale/bindings/nonce`: a single-use sign-in for one ticket's binding. */
export async function issueBindingNonce(
  deps: OnsaleDeps,
  req: z.output<typeof bindingNonceSchema>,
): Promise<BindingChallenge> {
  const contract = getAddress(req.contract.toLowerCase());
  try {
    const ch = await issueChallenge(
      {
        db: deps.db,
        chainId: deps.chainId,
        siweDomains: deps.siweDomains,
        challengeTtlSeconds: BINDING_NONCE_SECONDS,
        now: deps.now,
      },
      { contract, gateId: "binding", domain: req.domain, purpose: "binding" },
    );
    return {
      nonce: ch.nonce,
      domain: ch.domain,
      uri: ch.uri,
      chainId: ch.chainId,
      issuedAt: ch.issuedAt,
      expiresAt: ch.expiresAt,
      contract,
      tokenId: BigInt(req.tokenId).toString(),
    };
  } catch (err) {
    if (err instanceof AppError) throw new OnsaleError("BAD_REQUEST", err.message);
    throw err;
  }
}

export async function signIdentityBinding(
  deps: OnsaleDeps,
  limits: OnsaleRateLimits,
  req: z.output<typeof bindingSchema>,
): Promise<BindingSignature> {
  let ticket: TicketRef | undefined;
  const { signer } = await asOnsaleError(() =>
    verifySiweOnce(deps, req.message, req.signature as Hex, "binding", undefined, (message, challenge) => {
      ticket = ticketFromMessage(message, challenge, deps.chainId);
      limits.take("wallet", "bindings", message.address.toLowerCase(), BINDINGS_PER_WALLET_PER_MINUTE);
    }),
  );
  if (!ticket) throw new Error("unreachable: verifySiweOnce ran the ticket check");
  const { contract, tokenId } = ticket;
  await requireHolder(deps, contract, tokenId, signer);
  const verdict = await deps.identity.verify({
    saleId: `binding:${contract}`,
    wallet: signer,
    idNumber: req.idNumber,
    evidence: req.identityEvidence,
  });
  if (!verdict.ok) throw new OnsaleError(verdict.code, verdict.message);
  const bindingSigner = deps.signer;
  if (!bindingSigner) throw new OnsaleError("SIGNER_UNAVAILABLE", "no identity signer configured (ONSALE_SIGNER_KEY)");
  const signature = await bindingSigner.signBinding(deps.chainId, contract, {
    tokenId,
    holder: signer,
    identityCommitment: verdict.commitment,
  });
  return { contract, tokenId: tokenId.toString(), holder: signer, identityCommitment: verdict.commitment, signature };
}

/** The chain's `ownerOf`, not the mirror: this answer must not trust a lagging copy. */
async function requireHolder(deps: OnsaleDeps, contract: Address, tokenId: bigint, signer: Address): Promise<void> {
  let owner: Address;
  try {
    owner = await deps.client.readContract({
      address: contract,
      abi: eventTicketAbi,
      functionName: "ownerOf",
      args: [tokenId],
    });
  } catch (err) {
    if (err instanceof BaseError && err.walk((e) => e instanceof ContractFunctionRevertedError)) {
      throw new OnsaleError("NOT_HOLDER", `ticket ${tokenId} does not exist`);
    }
    throw new OnsaleError("CHAIN_UNAVAILABLE", "could not read the ticket's holder");
  }
  if (!isAddressEqual(owner, signer)) throw new OnsaleError("NOT_HOLDER", `${signer} does not hold ticket ${tokenId}`);
}
