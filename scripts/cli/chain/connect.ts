/**
 * viem clients for the configured chain. Checks that the RPC really serves `CHAIN_ID` before
 * anything else happens, and resolves the signer only for commands that write.
 */
import { createPublicClient, createWalletClient, http, webSocket, type Chain, type PublicClient, type Transport, type WalletClient, type Account } from "viem";
import { fairgateChain } from "../../../lib/chain";
import type { CliConfig } from "../cli-config";
import { CliError, WrongNetworkError } from "../errors";
import { resolveSigner, type Signer } from "./resolve-signer";

export type ReadConnection = { config: CliConfig; chain: Chain; publicClient: PublicClient; transport: () => Transport };
export type WriteConnection = ReadConnection & { signer: Signer; wallet: WalletClient<Transport, Chain, Account> };

function transportFor(rpcUrl: string): () => Transport {
  return () => (rpcUrl.startsWith("ws") ? webSocket(rpcUrl) : http(rpcUrl, { retryCount: 2 }));
}

export async function connectRead(config: CliConfig): Promise<ReadConnection> {
  const chain = fairgateChain(config.chainId, config.rpcUrl);
  const transport = transportFor(config.rpcUrl);
  const publicClient = createPublicClient({ chain, transport: transport(), pollingInterval: 250 }) as PublicClient;
  let actual: number;
  try {
    actual = await publicClient.getChainId();
  } catch (e) {
    throw new CliError("RPC_UNREACHABLE", `Cannot reach the chain at ${config.rpcUrl}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
  if (actual !== config.chainId) throw new WrongNetworkError(config.chainId, actual, config.rpcUrl);
  return { config, chain, publicClient, transport };
}

export async function connectWrite(config: CliConfig): Promise<WriteConnection> {
  const read = await connectRead(config);
  const signer = await resolveSigner(config, () => createWalletClient({ chain: read.chain, transport: read.transport() }).getAddresses());
  const wallet = createWalletClient({ chain: read.chain, account: signer.account, transport: read.transport() }) as WalletClient<Transport, Chain, Account>;
  return { ...read, signer, wallet };
}
