/** Gate benchmarks run without a chain: a client whose every RPC call fails and is counted (the hot path must make none). */
import { createPublicClient, custom, type PublicClient } from "viem";
import { fairgateChain } from "../../../lib/chain";

export function chainlessClient(chainId: number, label: string): { client: PublicClient; rpcCalls: () => number } {
  let calls = 0;
  const client = createPublicClient({
    chain: fairgateChain(chainId),
    transport: custom({
      request: async () => {
        calls++;
        throw new Error(`${label}: the scan hot path should not call the chain`);
      },
    }),
  }) as PublicClient;
  return { client, rpcCalls: () => calls };
}
