/**
 * Registers a primary sale; the tier's unsold supply becomes the stock admission is gated on. Refuses an event whose on-chain voucher signer is not ours (every
 * voucher would revert) and a tier the contract does not have.
 */
import { getAddress, isAddressEqual } from "viem";
import { z } from "zod";
import { eventTicketAbi } from "../../../lib/generated/abis";
import type { OnsaleSale } from "../../../lib/onsale/types";
import { onsaleSales } from "../../db/schema";
import type { OnsaleDeps } from "../onsale-deps";
import { OnsaleError } from "../onsale-error";
import { LOCAL_SALE_DEFAULTS } from "./sale-defaults";
import { SALE_ID_PATTERN, saleView } from "./sale-row";

export const createSaleSchema = z.object({
  id: z.string().regex(SALE_ID_PATTERN, "1–64 of a-z, 0-9 and '-'"),
  contract: z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte hex address"),
  tier: z.number().int().min(0).max(7),
  opensAt: z.iso.datetime({ offset: true }),
  admitPerSecond: z.number().positive().max(10_000),
  lottery: z.boolean().default(true),
  // Unset: the service's defaults for its chain (sale-defaults.ts).
  powBits: z.number().int().min(0).max(28).optional(),
  maxPerIdentity: z.number().int().min(1).max(100),
  identityRequired: z.boolean().default(false),
  ipJoinsPerMinute: z.number().int().min(0).max(100_000).optional(),
  walletRequestsPerMinute: z.number().int().min(0).max(100_000).optional(),
  admissionTtlSeconds: z.number().int().min(10).max(86_400).default(600),
  voucherTtlSeconds: z.number().int().min(30).max(86_400).default(900),
});

export type CreateSale = z.output<typeof createSaleSchema>;

export async function createSale(deps: OnsaleDeps, given: CreateSale): Promise<OnsaleSale> {
  const defaults = deps.saleDefaults ?? LOCAL_SALE_DEFAULTS;
  const input = {
    ...given,
    powBits: given.powBits ?? defaults.powBits,
    ipJoinsPerMinute: given.ipJoinsPerMinute ?? defaults.ipJoinsPerMinute,
    walletRequestsPerMinute: given.walletRequestsPerMinute ?? defaults.walletRequestsPerMinute,
  };
  const contract = getAddress(input.contract.toLowerCase());
  let chainSigner: `0x${string}`;
  let supply: number;
  try {
    const [signer, tierCount] = await Promise.all([
      deps.client.readContract({ address: contract, abi: eventTicketAbi, functionName: "voucherSigner" }),
      deps.client.readContract({ address: contract, abi: eventTicketAbi, functionName: "tierCount" }),
    ]);
    if (input.tier >= tierCount)
      throw new OnsaleError("BAD_REQUEST", `tier ${input.tier} does not exist (the event has ${tierCount})`);
    chainSigner = signer;
    const [tier, minted] = await Promise.all([
      deps.client.readContract({ address: contract, abi: eventTicketAbi, functionName: "tier", args: [input.tier] }),
      deps.client.readContract({
        address: contract,
        abi: eventTicketAbi,
        functionName: "tierMinted",
        args: [input.tier],
      }),
    ]);
    supply = Math.max(0, tier.supply - Number(minted));
  } catch (err) {
    if (err instanceof OnsaleError) throw err;
    throw new OnsaleError(
      "BAD_REQUEST",
      `${contract} is not a readable EventTicket: ${(err as Error).message.split("\n")[0]}`,
    );
  }
  if (!deps.signer || !isAddressEqual(chainSigner, deps.signer.address)) {
    throw new OnsaleError(
      "SIGNER_MISMATCH",
      `contract expects ${chainSigner}, service signs as ${deps.signer?.address ?? "nobody"}`,
    );
  }
  const [row] = await deps.db
    .insert(onsaleSales)
    .values({
      ...input,
      contract: contract.toLowerCase(),
      opensAt: new Date(input.opensAt),
      supply,
      createdAt: deps.now(),
    })
    .onConflictDoNothing()
    .returning();
  if (!row) throw new OnsaleError("SALE_EXISTS", input.id);
  return saleView(row);
}
