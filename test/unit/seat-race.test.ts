/**
 * Concurrent buyers of one seat on a real (in-process Hardhat) chain: several `buySeats` transactions
 * for overlapping seats land in one block; each seat ends with exactly one owner, every losing
 * transaction reverts and pays nothing but gas, and checking it again names `EventTicketSeatTaken`.
 */
import {
  BaseError,
  ContractFunctionRevertedError,
  getAddress,
  parseEther,
  type Address,
  type WalletClient,
} from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi } from "../../lib/generated/abis";
import { seatTokenId } from "../../lib/seating/seat-token";
import { createChainFixture, type ChainFixture } from "../../indexer/testing/chain-fixture";

const FACE = parseEther("0.01");

describe("double buy of a seat on chain", { timeout: 120_000 }, () => {
  let chain: ChainFixture;
  let event: Address;
  const rpc = (method: string, params: unknown[] = []) =>
    chain.publicClient.request({ method: method as never, params: params as never });

  beforeAll(async () => {
    chain = await createChainFixture();
    event = await chain.createSeatedEvent("Race Night", 20);
  });
  afterAll(async () => {
    await rpc("evm_setAutomine", [true]).catch(() => {});
  });

  const send = (buyer: WalletClient, seats: number[]) =>
    buyer.writeContract({
      address: event,
      abi: eventTicketAbi,
      functionName: "buySeats",
      args: [0, seats],
      value: FACE * BigInt(seats.length),
      gas: 400_000n, // fixed: estimation would already see the seat taken by the tx ahead in the pool
      account: buyer.account!,
      chain: buyer.chain,
    });

  const whyNot = async (buyer: WalletClient, seats: number[]) => {
    try {
      await chain.publicClient.simulateContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "buySeats",
        args: [0, seats],
        value: FACE * BigInt(seats.length),
        account: buyer.account!,
      });
      return null;
    } catch (err) {
      const revert = err instanceof BaseError ? err.walk((e) => e instanceof ContractFunctionRevertedError) : null;
      return revert instanceof ContractFunctionRevertedError
        ? { name: revert.data?.errorName, args: revert.data?.args }
        : String(err);
    }
  };

  it("five buyers, overlapping groups, one block: every seat sold once, losers pay nothing", async () => {
    const buyers = chain.wallets.slice(1, 6);
    const groups = [[3, 4], [4, 5], [3], [6, 7], [7, 3]];
    const balances = await Promise.all(
      buyers.map((b) => chain.publicClient.getBalance({ address: b.account!.address })),
    );
    await rpc("evm_setAutomine", [false]);
    const hashes: `0x${string}`[] = [];
    for (let i = 0; i < buyers.length; i++) hashes.push(await send(buyers[i]!, groups[i]!));
    await rpc("evm_mine");
    await rpc("evm_setAutomine", [true]);
    const receipts = await Promise.all(hashes.map((hash) => chain.publicClient.waitForTransactionReceipt({ hash })));
    expect(new Set(receipts.map((r) => r.blockNumber)).size).toBe(1); // truly concurrent: one block

    // Whoever the block ordered first wins each seat; a group with any taken seat fails as a whole.
    const owner = new Map<number, Address>();
    for (let i = 0; i < buyers.length; i++) {
      const me = getAddress(buyers[i]!.account!.address);
      const r = receipts[i]!;
      const spent = balances[i]! - (await chain.publicClient.getBalance({ address: me }));
      const gas = r.gasUsed * r.effectiveGasPrice;
      if (r.status === "success") {
        for (const s of groups[i]!) {
          expect(owner.has(s), `seat ${s} sold twice`).toBe(false);
          owner.set(s, me);
        }
        expect(spent).toBe(gas + FACE * BigInt(groups[i]!.length));
      } else {
        expect(
          groups[i]!.some((s) => owner.has(s)),
          `group ${i} reverted with every seat free`,
        ).toBe(true);
        expect(spent, "a loser pays gas only").toBe(gas);
        const taken = groups[i]!.find((s) => owner.has(s))!;
        expect(await whyNot(buyers[i]!, groups[i]!)).toMatchObject({ name: "EventTicketSeatTaken", args: [0, taken] });
      }
    }
    expect(receipts.filter((r) => r.status === "success").length).toBeGreaterThanOrEqual(2); // [3,4] or [3] wins, and [6,7]
    for (const [seat, who] of owner) {
      expect(
        await chain.publicClient.readContract({
          address: event,
          abi: eventTicketAbi,
          functionName: "ownerOf",
          args: [seatTokenId(0, seat)],
        }),
      ).toBe(who);
    }
    expect(
      await chain.publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "seatsSold" }),
    ).toBe(BigInt(owner.size));
    expect(
      await chain.publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "escrowBalance" }),
    ).toBe(FACE * BigInt(owner.size));
  });
});
