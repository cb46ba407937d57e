import {
  ContractFunctionExecutionError,
  ContractFunctionRevertedError,
  encodeErrorResult,
  parseEther,
  TransactionExecutionError,
  UserRejectedRequestError,
} from "viem";
import { describe, expect, it } from "vitest";
import { eventTicketAbi, resaleMarketAbi, waitlistAbi } from "../../lib/generated/abis";
import { describeTxError } from "./describe-tx-error";
import { ERROR_WORDS } from "./error-words";

/** What viem throws when a simulated or estimated call reverts with `data`. */
function revert(
  abi: typeof eventTicketAbi | typeof resaleMarketAbi | typeof waitlistAbi,
  data: `0x${string}`,
  functionName: string,
) {
  const cause = new ContractFunctionRevertedError({ abi, data, functionName });
  return new ContractFunctionExecutionError(cause, {
    abi,
    functionName,
    args: [],
    contractAddress: "0x5FbDB2315678afecb367f032d93F642f64180aa3",
  });
}

describe("describeTxError", () => {
  it("words a market refusal with its arguments", () => {
    const data = encodeErrorResult({
      abi: resaleMarketAbi,
      errorName: "MarketPriceAboveCap",
      args: [parseEther("0.2"), parseEther("0.15")],
    });
    expect(describeTxError(revert(resaleMarketAbi, data, "list"))).toEqual({
      code: "MarketPriceAboveCap",
      message: "The price 0.2 ETH is above the resale cap of 0.15 ETH.",
    });
  });

  it("words waitlist refusals, and a ticket error bubbling up through a waitlist return", () => {
    const deposit = encodeErrorResult({
      abi: waitlistAbi,
      errorName: "WaitlistWrongDeposit",
      args: [parseEther("0.1"), parseEther("0.05")],
    });
    expect(describeTxError(revert(waitlistAbi, deposit, "join"))).toEqual({
      code: "WaitlistWrongDeposit",
      message: "Wrong deposit: the waitlist takes exactly the face value, 0.1 ETH (got 0.05 ETH).",
    });
    const window = encodeErrorResult({ abi: eventTicketAbi, errorName: "EventTicketTransferWindowClosed", args: [7n] });
    expect(describeTxError(revert(waitlistAbi, window, "returnTicket")).code).toBe("EventTicketTransferWindowClosed");
  });

  it("says why the sale rule refuses a ticket, on the market and on the waitlist", () => {
    const complimentary = encodeErrorResult({
      abi: resaleMarketAbi,
      errorName: "MarketTicketNotForSale",
      args: [4n, 7],
    });
    expect(describeTxError(revert(resaleMarketAbi, complimentary, "list"))).toEqual({
      code: "MarketTicketNotForSale",
      message:
        "Ticket #4: complimentary and recovered tickets carry no refund right, so they can be passed on for free, not sold: list it at price 0 or send it.",
    });
    const used = encodeErrorResult({ abi: resaleMarketAbi, errorName: "MarketTicketNotForSale", args: [4n, 2] });
    expect(describeTxError(revert(resaleMarketAbi, used, "buy")).message).toBe(
      "Ticket #4: the ticket was used at the gate, so it cannot be sold.",
    );
    const unbound = encodeErrorResult({ abi: waitlistAbi, errorName: "WaitlistTicketNotReturnable", args: [9n, 6] });
    expect(describeTxError(revert(waitlistAbi, unbound, "returnTicket"))).toEqual({
      code: "WaitlistTicketNotReturnable",
      message:
        "Ticket #9: the real-name deadline for this tier has passed and the ticket is not bound to a name: the door would refuse it, so it cannot be returned to the waitlist.",
    });
    // A head at the wallet cap is never evicted: the return waits, said in words.
    const atCap = encodeErrorResult({
      abi: waitlistAbi,
      errorName: "WaitlistHeadAtCap",
      args: ["0x5FbDB2315678afecb367f032d93F642f64180aa3", 1, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"],
    });
    expect(describeTxError(revert(waitlistAbi, atCap, "returnTicket")).message).toMatch(
      /^The first wallet in tier 1's waitlist already holds the most tickets a wallet may, and keeps its place/,
    );
  });

  it("tells a buyer the listing's price changed since it looked", () => {
    const data = encodeErrorResult({
      abi: resaleMarketAbi,
      errorName: "MarketPriceChanged",
      args: [parseEther("0.1"), parseEther("0.15")],
    });
    expect(describeTxError(revert(resaleMarketAbi, data, "buy"))).toEqual({
      code: "MarketPriceChanged",
      message:
        "The seller changed the price since you looked: it is now 0.15 ETH, not 0.1 ETH. Nothing was paid; check the new price and buy again if you still want it.",
    });
  });

  it("decodes a ticket error bubbling up through a market call (not in the market's ABI)", () => {
    const data = encodeErrorResult({
      abi: eventTicketAbi,
      errorName: "EventTicketWalletCapExceeded",
      args: ["0x70997970C51812dc3A010C7d01b50e0d17dc79C8", 2n],
    });
    expect(describeTxError(revert(resaleMarketAbi, data, "buy")).code).toBe("EventTicketWalletCapExceeded");
  });

  it("recognises a rejected wallet prompt", () => {
    const error = new TransactionExecutionError(new UserRejectedRequestError(new Error("User denied")), {} as never);
    expect(describeTxError(error).code).toBe("USER_REJECTED");
  });

  it("has words for every custom error in the ticket, market and waitlist ABIs", () => {
    const names = [...eventTicketAbi, ...resaleMarketAbi, ...waitlistAbi]
      .filter((i) => i.type === "error")
      .map((i) => (i as { name: string }).name);
    expect(names.filter((n) => !ERROR_WORDS[n])).toEqual([]);
  });

  it("never throws on junk", () => {
    expect(describeTxError("nope")).toEqual({ code: "UNKNOWN", message: "nope" });
    expect(describeTxError(new Error("x")).message).toBe("x");
  });
});
