import { createPublicClient, createWalletClient, http, type Address } from "viem";
import { fairgateChain, LOCAL_CHAIN_ID } from "../../lib/chain";

/**
 * viem clients for a local Hardhat node. Accounts are the node's unlocked JSON-RPC accounts,
 * so no private key appears anywhere; this refuses any chain but the local one.
 */
export async function localClients(rpcUrl: string) {
  const chain = fairgateChain(LOCAL_CHAIN_ID, rpcUrl);
  const publicClient = createPublicClient({ chain, transport: http(rpcUrl), pollingInterval: 100 });
  const chainId = await publicClient.getChainId();
  if (chainId !== LOCAL_CHAIN_ID) {
    throw new Error(
      `Refusing to use node accounts on chain ${chainId}: local scripts only run against chain ${LOCAL_CHAIN_ID}.`,
    );
  }
  // The node's unlocked accounts (eth_accounts); it signs for them, so no key is needed here.
  const accounts = await createWalletClient({ chain, transport: http(rpcUrl) }).getAddresses();
  if (accounts.length < 5) throw new Error(`Expected the node's test accounts, got ${accounts.length}.`);
  const wallet = (account: Address) => createWalletClient({ chain, account, transport: http(rpcUrl) });
  return { chain, publicClient, accounts, wallet };
}
