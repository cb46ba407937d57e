import { describe, expect, it } from "vitest";
import { MULTICALL3_ADDRESS } from "../../lib/multicall3";
import { createWagmiConfig, isLocalTestAccount, isMissingWalletConnectProvider, LOCAL_TEST_ACCOUNTS } from "./wagmi";

describe("createWagmiConfig", () => {
  it("offers the local test accounts on the Hardhat chain only", () => {
    const local = createWagmiConfig({ chainId: 31337, rpcUrl: "http://127.0.0.1:8545" });
    expect(local.connectors.map((c) => c.id)).toEqual([
      "injected",
      ...LOCAL_TEST_ACCOUNTS.map((_, i) => `local-test-account-${i}`),
    ]);
    expect(local.connectors.filter(isLocalTestAccount).map((c) => c.name)[2]).toBe("Local test account #2");

    const other = createWagmiConfig({ chainId: 11155111, rpcUrl: "https://rpc.example.org" });
    expect(other.connectors.map((c) => c.id)).toEqual(["injected"]);
    expect(other.chains[0]?.id).toBe(11155111);
  });

  it("batches the app's chain reads through Multicall3 at its canonical address, in calls of up to 16 kB", () => {
    const client = createWagmiConfig({ chainId: 31337, rpcUrl: "http://127.0.0.1:8545" }).getClient();
    expect(client.chain.contracts?.multicall3?.address).toBe(MULTICALL3_ADDRESS);
    expect(client.batch?.multicall).toEqual({ batchSize: 16_384 });
  });

  it("adds the WalletConnect connector only when a project id is configured", () => {
    const settings = { chainId: 11155111, rpcUrl: "https://rpc.example.org" };
    expect(createWagmiConfig(settings).connectors.map((c) => c.id)).toEqual(["injected"]);
    expect(createWagmiConfig({ ...settings, walletConnectProjectId: null }).connectors.map((c) => c.id)).toEqual([
      "injected",
    ]);
    const withWc = createWagmiConfig({ ...settings, walletConnectProjectId: "0123456789abcdef0123456789abcdef" });
    expect(withWc.connectors.map((c) => c.id)).toEqual(["injected", "walletConnect"]);
    expect(withWc.connectors[1]!.name).toBe("WalletConnect");
  });

  it("recognises a connect failure caused by the missing WalletConnect provider package", () => {
    expect(isMissingWalletConnectProvider(new Error("Cannot find module '@walletconnect/ethereum-provider'"))).toBe(
      true,
    );
    expect(isMissingWalletConnectProvider(new Error("User rejected the request."))).toBe(false);
  });

  it("connects a test account by address only, answering account requests locally", async () => {
    const config = createWagmiConfig({ chainId: 31337, rpcUrl: "http://127.0.0.1:1" });
    const connector = config.connectors.find((c) => c.id === "local-test-account-3")!;
    const result = await connector.connect();
    expect(result.accounts).toEqual([LOCAL_TEST_ACCOUNTS[3]]);
    expect(result.chainId).toBe(31337);
  });
});
