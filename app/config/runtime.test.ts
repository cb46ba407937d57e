import { describe, expect, it } from "vitest";
import { readRuntimeConfig, RuntimeConfigError } from "./runtime";

describe("readRuntimeConfig", () => {
  it("defaults to the local stack", () => {
    expect(readRuntimeConfig({})).toEqual({
      indexerUrl: "http://127.0.0.1:4100",
      rpcUrl: "http://127.0.0.1:8545",
      chainId: 31337,
      factory: null,
      walletConnectProjectId: null,
    });
  });

  it("reads the environment, treating empty variables as unset and trimming trailing slashes", () => {
    expect(
      readRuntimeConfig({ INDEXER_URL: "https://indexer.example.org/", RPC_URL: "", CHAIN_ID: "11155111" }),
    ).toEqual({
      indexerUrl: "https://indexer.example.org",
      rpcUrl: "http://127.0.0.1:8545",
      chainId: 11155111,
      factory: null,
      walletConnectProjectId: null,
    });
  });

  it("reads the WalletConnect project id (read per request, like the rest, though it carries the NEXT_PUBLIC_ prefix)", () => {
    const id = "0123456789abcdef0123456789abcdef";
    expect(readRuntimeConfig({ NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: id }).walletConnectProjectId).toBe(id);
    expect(readRuntimeConfig({ NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: "" }).walletConnectProjectId).toBeNull();
    expect(() => readRuntimeConfig({ NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID: "my-project" })).toThrow(
      /NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID/,
    );
  });

  it("rejects nonsense with a message naming the variable", () => {
    expect(() => readRuntimeConfig({ CHAIN_ID: "mainnet" })).toThrow(RuntimeConfigError);
    expect(() => readRuntimeConfig({ INDEXER_URL: "ftp://x" })).toThrow(/INDEXER_URL/);
    expect(() => readRuntimeConfig({ FACTORY_ADDRESS: "0x12" })).toThrow(/FACTORY_ADDRESS/);
  });
});
