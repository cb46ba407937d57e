import { describe, expect, it } from "vitest";
import { ConfigError } from "../config";
import { checkStartBlock, FullHistoryError, LONG_CHAIN_BLOCKS } from "./start-block-check";

const factory = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const chainOf = (blocks: number) => ({ getBlockNumber: async () => BigInt(blocks) });

describe("checkStartBlock", () => {
  it("refuses a defaulted block 0 on a long chain with a typed config error naming the way out", async () => {
    const err = await checkStartBlock(
      { factory, fromBlockSource: "default", allowFullHistory: false },
      chainOf(1_051_579),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FullHistoryError);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as Error).message).toMatch(/1,051,579 blocks.*FROM_BLOCK.*ALLOW_FULL_HISTORY=1/);
  });

  it("lets a short (local) chain, an explicit FROM_BLOCK, a deployment record or ALLOW_FULL_HISTORY through", async () => {
    await checkStartBlock({ factory, fromBlockSource: "default", allowFullHistory: false }, chainOf(LONG_CHAIN_BLOCKS));
    await checkStartBlock({ factory, fromBlockSource: "FROM_BLOCK", allowFullHistory: false }, chainOf(5_000_000));
    await checkStartBlock({ factory, fromBlockSource: "deployments", allowFullHistory: false }, chainOf(5_000_000));
    await checkStartBlock({ factory, fromBlockSource: "default", allowFullHistory: true }, chainOf(5_000_000));
  });
});
