import { describe, expect, it } from "vitest";
import { createWagmiConfig, isLocalTestAccount, LOCAL_TEST_ACCOUNTS } from "./wagmi";

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

  it("connects a test account by address only, answering account requests locally", async () => {
    const config = createWagmiConfig({ chainId: 31337, rpcUrl: "http://127.0.0.1:1" });
    const connector = config.connectors.find((c) => c.id === "local-test-account-3")!;
    const result = await connector.connect();
    expect(result.accounts).toEqual([LOCAL_TEST_ACCOUNTS[3]]);
    expect(result.chainId).toBe(31337);
  });
});
