/**
 * Refuses to scan a long chain from block 0 by accident. FACTORY_ADDRESS alone (no FROM_BLOCK,
 * no deployment record of that factory) used to mean block 0: against a public chain that is
 * millions of empty blocks, hours of eth_getLogs and a provider's quota. A short chain (the
 * local node) still starts at 0; a long one needs FROM_BLOCK (0 included) or ALLOW_FULL_HISTORY=1.
 */
import type { PublicClient } from "viem";
import { ConfigError, type IndexerConfig } from "../config";

/** More blocks than any local dev chain has; fewer than any public one. */
export const LONG_CHAIN_BLOCKS = 10_000;

export class FullHistoryError extends ConfigError {
  override name = "FullHistoryError";
}

export async function checkStartBlock(
  config: Pick<IndexerConfig, "fromBlockSource" | "allowFullHistory" | "factory">,
  client: Pick<PublicClient, "getBlockNumber">,
): Promise<void> {
  if (config.fromBlockSource !== "default" || config.allowFullHistory) return;
  const head = await client.getBlockNumber();
  if (head <= BigInt(LONG_CHAIN_BLOCKS)) return;
  throw new FullHistoryError(
    `FROM_BLOCK: not set for FACTORY_ADDRESS ${config.factory}, and the chain has ${head.toLocaleString("en-US")} blocks: ` +
      "set FROM_BLOCK to the factory's deployment block (or point DEPLOYMENTS_FILE at its record); to scan from block 0 on purpose, set FROM_BLOCK=0 or ALLOW_FULL_HISTORY=1",
  );
}
