/**
 * Gate benchmarks and tests run without a chain: a client whose every RPC call fails at once, like a refused connection, and is
 * counted (the hot path must make none; only a mirror "no" is double-checked). No retries: viem's default three, with
 * their back-off, would add ~1 s to each such scan, which measures viem's back-off rather than the gate.
 */
import { createPublicClient, custom, type PublicClient } from "viem";
import { fairgateChain } from "../../lib/chain";

export function chainlessClient(chainId: number, label: string): { client: PublicClient; rpcCalls: () => number } {
  let calls = 0;
  const client = createPublicClient({
    chain: fairgateChain(chainId),
    transport: custom(
      {
        request: async () => {
          calls++;
          throw new Error(`${label}: the scan hot path should not call the chain`);
        },
      },
      { retryCount: 0 },
    ),
  }) as PublicClient;
  return { client, rpcCalls: () => calls };
}
