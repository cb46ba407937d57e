import type { Address } from "viem";
import { createConfig, createConnector, http, injected, mock, type Config, type CreateConnectorFn } from "wagmi";
import { walletConnect } from "wagmi/connectors/walletConnect";
import { fairgateChain, LOCAL_CHAIN_ID } from "../../lib/chain";
import { MULTICALL_BATCH_BYTES } from "../chain-reads/read-event";

/**
 * Hardhat's well-known development accounts #0–#4 (mnemonic "test test … junk"). Addresses
 * only: the local Hardhat node holds their keys unlocked and signs for them over JSON-RPC,
 * so the browser never sees a private key.
 */
export const LOCAL_TEST_ACCOUNTS = [
  "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
  "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
  "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
  "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
  "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65",
] as const satisfies readonly Address[];

/** Connector ids of the local test accounts start with this; the UI groups them by it. */
export const LOCAL_TEST_ACCOUNT_ID_PREFIX = "local-test-account-";

/**
 * A wallet for one Hardhat development account, built on wagmi's `mock` connector: account
 * requests are answered locally, everything else (transactions, `eth_sign`, typed data) goes to
 * the chain's RPC, where the Hardhat node signs. It survives a page reload, like a real wallet.
 *
 * @example
 * createConfig({ chains: [hardhat], connectors: [localTestAccount(0)], transports: { … } })
 */
export function localTestAccount(index: number): CreateConnectorFn {
  const address = LOCAL_TEST_ACCOUNTS[index];
  if (!address) throw new RangeError(`No local test account #${index} (there are ${LOCAL_TEST_ACCOUNTS.length}).`);
  const id = `${LOCAL_TEST_ACCOUNT_ID_PREFIX}${index}`;
  const connectedKey = `${id}.connected`;
  const base = mock({ accounts: [address] });

  return createConnector((config) => {
    const connector = base(config);
    return {
      ...connector,
      id,
      name: `Local test account #${index}`,
      connect: (async (parameters) => {
        const result = await connector.connect(parameters);
        await config.storage?.setItem(connectedKey, true);
        return result;
      }) as typeof connector.connect,
      async disconnect() {
        await connector.disconnect();
        await config.storage?.removeItem(connectedKey);
      },
      async isAuthorized() {
        return Boolean(await config.storage?.getItem(connectedKey));
      },
    };
  });
}

export type WagmiSettings = { chainId: number; rpcUrl: string; walletConnectProjectId?: string | null };

/**
 * The package wagmi's WalletConnect connector loads on first use. It is an optional peer
 * dependency that this repository does not install yet: with a project id set but without it,
 * connecting says so (see `walletConnectErrorText`) instead of failing silently.
 */
export const WALLETCONNECT_PROVIDER_PACKAGE = "@walletconnect/ethereum-provider";

/**
 * The app's one wagmi config: any injected EIP-1193 wallet (MetaMask and the like, plus those
 * announced through EIP-6963), WalletConnect (phones' wallets by QR) when a project id is
 * configured, and, on the local Hardhat chain only, the test accounts.
 */
export function createWagmiConfig({ chainId, rpcUrl, walletConnectProjectId }: WagmiSettings): Config {
  const chain = fairgateChain(chainId, rpcUrl);
  const connectors: CreateConnectorFn[] = [injected()];
  if (walletConnectProjectId) {
    connectors.push(
      walletConnect({
        projectId: walletConnectProjectId,
        showQrModal: true,
        metadata: {
          name: "Fairgate",
          description: "Honest NFT tickets",
          url: typeof window === "undefined" ? "http://127.0.0.1:3000" : window.location.origin,
          icons: [],
        },
      }),
    );
  }
  if (chainId === LOCAL_CHAIN_ID) {
    connectors.push(...LOCAL_TEST_ACCOUNTS.map((_, index) => localTestAccount(index)));
  }
  return createConfig({
    chains: [chain],
    connectors,
    transports: { [chain.id]: http(rpcUrl) },
    // Reads made in the same tick go out as one Multicall3 call (the chain config names it); up to 16 kB of
    // calldata per call instead of viem's 1 kB, so a ticket page's reads are never split.
    batch: { multicall: { batchSize: MULTICALL_BATCH_BYTES } },
    ssr: true,
  });
}

/** True for the connectors made by {@link localTestAccount}. */
export function isLocalTestAccount(connector: { id: string }): boolean {
  return connector.id.startsWith(LOCAL_TEST_ACCOUNT_ID_PREFIX);
}

/** True when connecting failed because the WalletConnect provider package is not installed. */
export function isMissingWalletConnectProvider(error: Error): boolean {
  return (
    error.message.includes(WALLETCONNECT_PROVIDER_PACKAGE) ||
    /Cannot find module|Module not found|Failed to fetch dynamically imported module/i.test(error.message)
  );
}
