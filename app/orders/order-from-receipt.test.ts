import {
  encodeAbiParameters,
  encodeEventTopics,
  parseEther,
  zeroAddress,
  type Abi,
  type AbiEvent,
  type Address,
  type Hash,
  type Log,
} from "viem";
import { describe, expect, it } from "vitest";
import { eventTicketAbi, resaleMarketAbi } from "../../lib/generated/abis";
import { OrderReadError, orderFromReceipt, type OrderReceipt } from "./order-from-receipt";

const TICKET: Address = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const MARKET: Address = "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512";
const BUYER: Address = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";
const SELLER: Address = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const HASH: Hash = `0x${"ab".repeat(32)}`;

/** A log as the chain would emit it: indexed args in topics, the rest ABI-encoded in data. */
function log(abi: Abi, address: Address, eventName: string, args: Record<string, unknown>): Log {
  const event = abi.find((x): x is AbiEvent => x.type === "event" && x.name === eventName)!;
  const topics = encodeEventTopics({ abi: [event], eventName, args } as never);
  const plain = event.inputs.filter((i) => !i.indexed);
  const data = encodeAbiParameters(
    plain,
    plain.map((i) => args[i.name!]),
  );
  return { address, topics, data, blockNumber: 7n, logIndex: 0, transactionHash: HASH } as unknown as Log;
}

function receipt(logs: Log[], extra: Partial<OrderReceipt> = {}): OrderReceipt {
  return {
    transactionHash: HASH,
    blockNumber: 7n,
    from: BUYER,
    status: "success",
    gasUsed: 120_000n,
    effectiveGasPrice: 2_000_000_000n,
    logs,
    ...extra,
  };
}

const transfer = (tokenId: bigint) =>
  log(eventTicketAbi, TICKET, "Transfer", { from: zeroAddress, to: BUYER, tokenId });

describe("orderFromReceipt", () => {
  it("reads a primary sale: tier, token ids, price and the gas actually paid", () => {
    const order = orderFromReceipt(
      receipt([
        transfer(4n),
        transfer(5n),
        transfer(6n),
        log(eventTicketAbi, TICKET, "TicketsMinted", { tier: 0, firstTokenId: 4n, count: 3n }),
        log(eventTicketAbi, TICKET, "TicketsPurchased", {
          buyer: BUYER,
          firstTokenId: 4n,
          count: 3n,
          paid: parseEther("0.15"),
        }),
      ]),
    );
    expect(order).toEqual({
      txHash: HASH,
      blockNumber: 7n,
      buyer: BUYER,
      kind: "primary",
      contract: TICKET,
      seller: TICKET,
      market: null,
      tokenIds: [4n, 5n, 6n],
      tier: 0,
      seats: [],
      price: parseEther("0.15"),
      royalty: null,
      resaleSeller: null,
      gasPaid: 240_000_000_000_000n,
    });
  });

  it("reads a resale: seller, price and the royalty inside it", () => {
    const order = orderFromReceipt(
      receipt([
        log(eventTicketAbi, TICKET, "Transfer", { from: SELLER, to: BUYER, tokenId: 2n }),
        log(resaleMarketAbi, MARKET, "Sold", {
          ticket: TICKET,
          tokenId: 2n,
          buyer: BUYER,
          seller: SELLER,
          price: parseEther("0.06"),
          royalty: parseEther("0.003"),
        }),
      ]),
    );
    expect(order).toMatchObject({
      kind: "resale",
      contract: TICKET,
      market: MARKET,
      tokenIds: [2n],
      tier: null,
      price: parseEther("0.06"),
      royalty: parseEther("0.003"),
      resaleSeller: SELLER,
    });
  });

  it("reads a seat purchase: tier, seat numbers, the minted token ids", () => {
    const seatIds = [(1n << 255n) | (1n << 24n) | 3n, (1n << 255n) | (1n << 24n) | 4n];
    const order = orderFromReceipt(
      receipt([
        ...seatIds.map(transfer),
        log(eventTicketAbi, TICKET, "SeatsPurchased", {
          buyer: BUYER,
          tier: 1,
          seats: [3, 4],
          paid: parseEther("0.4"),
        }),
      ]),
    );
    expect(order).toMatchObject({ kind: "seats", tier: 1, seats: [3, 4], tokenIds: seatIds, price: parseEther("0.4") });
  });

  it("refuses a reverted transaction and one that bought nothing", () => {
    expect(() => orderFromReceipt(receipt([], { status: "reverted" }))).toThrow(
      expect.objectContaining({ code: "REVERTED" }),
    );
    expect(() => orderFromReceipt(receipt([transfer(1n)]))).toThrow(OrderReadError);
    expect(() => orderFromReceipt(receipt([]))).toThrow(expect.objectContaining({ code: "NOT_A_PURCHASE" }));
  });

  it("refuses a purchase log with a count no EventTicket can mint (never allocates it)", () => {
    const huge = log(eventTicketAbi, TICKET, "TicketsPurchased", {
      buyer: BUYER,
      firstTokenId: 1n,
      count: 1n << 200n,
      paid: 0n,
    });
    expect(() => orderFromReceipt(receipt([huge]))).toThrow(expect.objectContaining({ code: "NOT_A_PURCHASE" }));
  });
});
