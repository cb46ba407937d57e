import { network } from "hardhat";
import { createPublicClient, custom, parseAbi, type PublicClient } from "viem";
import { describe, expect, it } from "vitest";
import { fairgateChain } from "./chain";
import { installMulticall3, MULTICALL3_ADDRESS, MULTICALL3_RUNTIME } from "./multicall3";

// Two of Multicall3's own views (viem's multicall3Abi lists only aggregate3).
const multicall3Abi = parseAbi([
  "function getChainId() view returns (uint256)",
  "function getBlockNumber() view returns (uint256)",
]);

describe("Multicall3 on the local node", () => {
  it("is installed at the canonical address, once, and answers a batch in one eth_call", async () => {
    const { viem } = await network.create();
    const node = (await viem.getPublicClient()) as unknown as PublicClient;
    expect(await node.getCode({ address: MULTICALL3_ADDRESS })).toBeUndefined();

    await installMulticall3(node);
    await installMulticall3(node); // a second call (npm start after a deploy) changes nothing
    expect(await node.getCode({ address: MULTICALL3_ADDRESS })).toBe(MULTICALL3_RUNTIME);

    const methods: string[] = [];
    const client = createPublicClient({
      chain: fairgateChain(),
      transport: custom({
        request: (a: { method: string; params?: unknown }) => (methods.push(a.method), node.request(a as never)),
      }),
    });
    const [chainId, block] = await client.multicall({
      contracts: [
        { address: MULTICALL3_ADDRESS, abi: multicall3Abi, functionName: "getChainId" },
        { address: MULTICALL3_ADDRESS, abi: multicall3Abi, functionName: "getBlockNumber" },
      ],
      allowFailure: false,
    });
    expect(chainId).toBe(31337n);
    expect(block).toBe(await node.getBlockNumber());
    expect(methods).toEqual(["eth_call"]);
  });

  it("is named in the chain config viem batches through, locally and elsewhere", () => {
    expect(fairgateChain().contracts?.multicall3?.address).toBe(MULTICALL3_ADDRESS);
    expect(fairgateChain(8453, "https://rpc.example").contracts?.multicall3?.address).toBe(MULTICALL3_ADDRESS);
  });
});
