import { defineChain, type Chain } from "viem";
import { hardhat } from "viem/chains";
import { MULTICALL3_ADDRESS } from "./multicall3";

/** Defaults for the local stack started by `npm start`. */
export const LOCAL_RPC_URL = "http://127.0.0.1:8545";
export const LOCAL_CHAIN_ID = hardhat.id; // 31337

/** viem's `multicall` batches reads through this; the local node gets it from `installMulticall3`. */
const contracts = { multicall3: { address: MULTICALL3_ADDRESS } };

/**
 * The chain Fairgate talks to: the local Hardhat node unless `chainId` names another chain.
 * Only the id, RPC URL and Multicall3 address matter to viem clients; the name is for people.
 */
export function fairgateChain(chainId: number = LOCAL_CHAIN_ID, rpcUrl: string = LOCAL_RPC_URL): Chain {
  if (chainId === LOCAL_CHAIN_ID) {
    return { ...hardhat, rpcUrls: { default: { http: [rpcUrl] } }, contracts };
  }
  return defineChain({
    id: chainId,
    name: `Chain ${chainId}`,
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    contracts,
  });
}
