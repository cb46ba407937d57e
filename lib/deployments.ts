import { z } from "zod";

/**
 * Where a chain's Fairgate contracts live. `scripts/deploy.ts` writes one file holding every
 * chain's record; the indexer and the app read it. `fromBlock` is where the indexer starts.
 */
export const deploymentSchema = z.object({
  chainId: z.number().int().positive(),
  factory: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  fromBlock: z.number().int().nonnegative(),
  deployedAt: z.string(),
  /** The factory's ResaleMarket (optional: records written before it was added lack it). */
  market: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/)
    .optional(),
  /** The market's Waitlist (`ResaleMarket.waitlist()`; absent in records written before it existed). */
  waitlist: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/)
    .optional(),
  /** Who deployed, and in which transaction (absent in older records). */
  deployer: z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/)
    .optional(),
  txHash: z
    .string()
    .regex(/^0x[0-9a-fA-F]{64}$/)
    .optional(),
  /** Stablecoins organizers may price events in, offered by name beside ETH in the app's create form. */
  currencies: z
    .array(
      z.object({
        symbol: z.string().min(1).max(11),
        address: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
        decimals: z.number().int().min(0).max(18),
      }),
    )
    .optional(),
});
export type Deployment = z.infer<typeof deploymentSchema>;
export type DeploymentCurrency = NonNullable<Deployment["currencies"]>[number];

export const deploymentsFileSchema = z.record(z.string(), deploymentSchema);
export type DeploymentsFile = z.infer<typeof deploymentsFileSchema>;

/** Default location, relative to the repository root. Override with `DEPLOYMENTS_FILE`. */
export const DEFAULT_DEPLOYMENTS_FILE = "data/deployments.json";

export class DeploymentNotFoundError extends Error {
  override name = "DeploymentNotFoundError";
  constructor(
    readonly chainId: number,
    readonly file: string,
  ) {
    super(`No Fairgate deployment for chain ${chainId} in ${file}. Run the deploy script (npm start does it locally).`);
  }
}

/** Picks one chain's record from a parsed deployments file. */
export function pickDeployment(file: unknown, chainId: number, fileName: string): Deployment {
  const parsed = deploymentsFileSchema.parse(file);
  const record = parsed[String(chainId)];
  if (!record) throw new DeploymentNotFoundError(chainId, fileName);
  return record;
}
