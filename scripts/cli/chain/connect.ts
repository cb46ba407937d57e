/**
 * viem clients for the configured chain. Checks that the RPC really serves `CHAIN_ID` before
 * anything else happens, and resolves the signer only for commands that write.
 */
import {
  createPublicClient,
  createWalletClient,
  type Chain,
  type PublicClient,
  type Transport,
  type WalletClient,
  type Account,
} from "viem";
import { fairgateChain } from "../../../lib/chain";
import { sharedRangeCap, type RangeCap } from "../../../lib/rpc/range-cap";
import { rpcTransport } from "../../../lib/rpc/rpc-transport";
import type { CliConfig } from "../cli-config";
import { CliError, WrongNetworkError } from "../errors";
import { resolveSigner, type Signer } from "./resolve-signer";

/** `rangeCap`: the endpoint's eth_getLogs cap as learned by this process's scans (lib/rpc/range-cap.ts). */
export type ReadConnection = {
  config: CliConfig;
  chain: Chain;
  publicClient: PublicClient;
  transport: () => Transport;
  rangeCap: RangeCap;
};
export type WriteConnection = ReadConnection & { signer: Signer; wallet: WalletClient<Transport, Chain, Account> };

/** Rate limits are waited out (Retry-After) under the RPC_MAX_RPS budget; transient failures get two more tries. */
function transportFor(config: CliConfig): () => Transport {
  return () => rpcTransport(config.rpcUrl, { retryCount: 2, ...(config.maxRps ? { maxRps: config.maxRps } : {}) });
}

export async function connectRead(config: CliConfig): Promise<ReadConnection> {
  const chain = fairgateChain(config.chainId, config.rpcUrl);
  const transport = transportFor(config);
  const publicClient = createPublicClient({ chain, transport: transport(), pollingInterval: 250 }) as PublicClient;
  let actual: number;
  try {
    actual = await publicClient.getChainId();
  } catch (e) {
    throw new CliError(
      "RPC_UNREACHABLE",
      `Cannot reach the chain at ${config.rpcUrl}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
    );
  }
  if (actual !== config.chainId) throw new WrongNetworkError(config.chainId, actual, config.rpcUrl);
  return { config, chain, publicClient, transport, rangeCap: sharedRangeCap(config.rpcUrl) };
}

export async function connectWrite(config: CliConfig): Promise<WriteConnection> {
  const read = await connectRead(config);
  const signer = await resolveSigner(config, () =>
    createWalletClient({ chain: read.chain, transport: read.transport() }).getAddresses(),
  );
  const wallet = createWalletClient({
    chain: read.chain,
    account: signer.account,
    transport: read.transport(),
  }) as WalletClient<Transport, Chain, Account>;
  return { ...read, signer, wallet };
}
