/**
 * How often a chain makes a block, so a follower polls for new heads about once per block
 * instead of burning a provider's quota (an idle indexer polling every 500 ms makes 172,800
 * calls a day). Known chains by id; anything else is treated as a 2 s L2.
 */
import { LOCAL_CHAIN_ID } from "../chain";

const BLOCK_TIME_MS: Record<number, number> = {
  1: 12_000, // Ethereum
  11155111: 12_000, // Sepolia
  17000: 12_000, // Holesky
  560048: 12_000, // Hoodi
  10: 2_000, // OP Mainnet
  11155420: 2_000, // OP Sepolia
  8453: 2_000, // Base
  84532: 2_000, // Base Sepolia
  137: 2_000, // Polygon PoS
  80002: 2_000, // Polygon Amoy
  59144: 2_000, // Linea
  43114: 2_000, // Avalanche C-Chain
  56: 3_000, // BNB Smart Chain
  534352: 3_000, // Scroll
  100: 5_000, // Gnosis
  42161: 250, // Arbitrum One
  421614: 250, // Arbitrum Sepolia
  324: 1_000, // zkSync Era
};

export const DEFAULT_BLOCK_TIME_MS = 2_000;
/** Polling faster than this buys nothing on chains with sub-second blocks but quota spent. */
export const MIN_POLL_MS = 1_000;
/** The local Hardhat node mines on demand: poll fast, it costs nothing. */
export const LOCAL_POLL_MS = 500;

export function blockTimeMs(chainId: number): number {
  return BLOCK_TIME_MS[chainId] ?? DEFAULT_BLOCK_TIME_MS;
}

/**
 * The head-poll interval for a chain: one poll per block, at least MIN_POLL_MS apart. The local
 * chain keeps its fast poll unless a block time is given (e.g. to stand in for a real chain).
 *
 * @example
 * defaultPollMs(8453); // 2000
 * defaultPollMs(31337); // 500
 * defaultPollMs(31337, 12_000); // 12000
 */
export function defaultPollMs(chainId: number, configuredBlockTime?: number): number {
  if (configuredBlockTime === undefined && chainId === LOCAL_CHAIN_ID) return LOCAL_POLL_MS;
  return Math.max(MIN_POLL_MS, configuredBlockTime ?? blockTimeMs(chainId));
}
