import { ContractFunctionExecutionError, ContractFunctionRevertedError, encodeErrorResult, type Address } from "viem";
import { describe, expect, it } from "vitest";
import { eventTicketAbi } from "../../../lib/generated/abis";
import type { WriteConnection } from "../chain/connect";
import { planBatchSize } from "./plan-batch-size";

const event = "0x00000000000000000000000000000000000000e1" as Address;
const recipients = Array.from({ length: 500 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, "0")}` as Address);

/** A chain whose mint costs 60k + 31k per recipient; `estimate` decides what eth_estimateGas does with a batch. */
function conn(estimate: (size: number) => bigint, log: number[] = []) {
  return {
    signer: { account: { address: recipients[0]! } },
    publicClient: {
      readContract: async () => 500n,
      getBlock: async () => ({ gasLimit: 30_000_000n }),
      estimateContractGas: async ({ args }: { args: readonly [number, number, readonly Address[]] }) => {
        log.push(args[2].length);
        return estimate(args[2].length);
      },
    },
  } as unknown as Pick<WriteConnection, "publicClient" | "signer">;
}
const cost = (n: number) => 60_000n + 31_000n * BigInt(n);
/** What a node says when the batch is over the block gas limit: it throws, with no number to scale from. */
const overBlockLimit = (n: number) => {
  if (cost(n) > 30_000_000n) throw new Error("gas required exceeds allowance (30000000)");
  return cost(n);
};

describe("planBatchSize", () => {
  it("scales down from a number when the estimate returns one", async () => {
    const probes: number[] = [];
    const plan = await planBatchSize(conn(cost, probes), { event, tier: 0, recipients });
    expect(plan.size).toBeLessThanOrEqual(Math.floor((15_000_000 - 60_000) / 31_000));
    expect(cost(plan.size)).toBeLessThanOrEqual(15_000_000n);
    expect(probes.length).toBeLessThanOrEqual(3);
  });

  it("binary-searches down when eth_estimateGas throws over the block gas limit, to the largest batch that fits", async () => {
    const probes: number[] = [];
    const plan = await planBatchSize(conn(overBlockLimit, probes), { event, tier: 0, recipients, gasCap: 40_000_000n });
    // 60k + 31k × 965 > 30M: every size the node can estimate fits the (higher) cap, so the search ends at the node's limit.
    const largest = Math.floor((30_000_000 - 60_000) / 31_000);
    expect(plan.size).toBe(Math.min(500, largest));
    expect(probes.length).toBeLessThanOrEqual(10);
  });

  it("binary-searches when the node throws below the cap too, and reports the node's error if even one ticket fails", async () => {
    const at = (limit: number) => (n: number) => {
      if (n > limit) throw new Error("gas required exceeds allowance");
      return cost(n);
    };
    expect((await planBatchSize(conn(at(137)), { event, tier: 0, recipients, gasCap: 100_000_000n })).size).toBe(137);
    expect((await planBatchSize(conn(at(1)), { event, tier: 0, recipients, gasCap: 100_000_000n })).size).toBe(1);
    await expect(planBatchSize(conn(at(0)), { event, tier: 0, recipients, gasCap: 100_000_000n })).rejects.toThrow(
      /gas required exceeds allowance/,
    );
  });

  it("stops at once on a revert the contract explains: a smaller batch would not help", async () => {
    const probes: number[] = [];
    const soldOut = () => {
      const data = encodeErrorResult({
        abi: eventTicketAbi,
        errorName: "EventTicketSoldOut",
        args: [0, 500n, 3n],
      } as never);
      throw new ContractFunctionExecutionError(
        new ContractFunctionRevertedError({ abi: eventTicketAbi, data, functionName: "mintTier" }),
        { abi: eventTicketAbi, functionName: "mintTier", args: [0, 4, []] },
      );
    };
    await expect(planBatchSize(conn(soldOut, probes), { event, tier: 0, recipients })).rejects.toThrow(/only 3 left/);
    expect(probes).toHaveLength(1);
  });
});
