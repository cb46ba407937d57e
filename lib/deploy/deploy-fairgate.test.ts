import { network } from "hardhat";
import { getAddress, type PublicClient, type WalletClient } from "viem";
import { describe, expect, it } from "vitest";
import { resaleMarketAbi, ticketFactoryAbi, waitlistAbi } from "../generated/abis";
import { deployFairgate } from "./deploy-fairgate";

describe("deployFairgate", () => {
  it("deploys market then factory, linked both ways, with the waitlist behind the market", async () => {
    const { viem } = await network.create();
    const publicClient = (await viem.getPublicClient()) as unknown as PublicClient;
    const [wallet] = (await viem.getWalletClients()) as unknown as WalletClient[];
    const d = await deployFairgate({ publicClient, wallet: wallet!, account: wallet!.account!, chain: wallet!.chain });
    expect(
      getAddress(
        await publicClient.readContract({ address: d.factory, abi: ticketFactoryAbi, functionName: "market" }),
      ),
    ).toBe(d.market);
    expect(
      getAddress(await publicClient.readContract({ address: d.market, abi: resaleMarketAbi, functionName: "factory" })),
    ).toBe(d.factory);
    expect(
      getAddress(await publicClient.readContract({ address: d.waitlist, abi: waitlistAbi, functionName: "market" })),
    ).toBe(d.market);
    const factoryBlock = (await publicClient.getTransactionReceipt({ hash: d.factoryTxHash })).blockNumber;
    expect(d.fromBlock).toBeLessThanOrEqual(Number(factoryBlock));
  });

  it("sets the metadata base when given one, so every event's tokenURI points at that server", async () => {
    const { viem } = await network.create();
    const publicClient = (await viem.getPublicClient()) as unknown as PublicClient;
    const [wallet] = (await viem.getWalletClients()) as unknown as WalletClient[];
    const metadataBase = "http://127.0.0.1:4100";
    const d = await deployFairgate({
      publicClient,
      wallet: wallet!,
      account: wallet!.account!,
      chain: wallet!.chain,
      metadataBase,
    });
    const read = (functionName: "metadataBase" | "owner") =>
      publicClient.readContract({ address: d.factory, abi: ticketFactoryAbi, functionName });
    expect(await read("metadataBase")).toBe(metadataBase);
    expect(getAddress((await read("owner")) as string)).toBe(getAddress(wallet!.account!.address));
  });
});
