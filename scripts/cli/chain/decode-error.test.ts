import { ContractFunctionExecutionError, ContractFunctionRevertedError, encodeErrorResult, parseEther } from "viem";
import { describe, expect, it } from "vitest";
import { resaleMarketAbi, waitlistAbi } from "../../../lib/generated/abis";
import { RevertError } from "../errors";
import { explainRevert, toCliError } from "./decode-error";

describe("CLI revert words", () => {
  it("says why the ticket's sale rule refuses a sale or a waitlist return", () => {
    expect(explainRevert("MarketTicketNotForSale", [3n, 7])).toBe(
      "Ticket #3 cannot be sold: Complimentary and recovered tickets carry no refund right, so they can be passed on for free, not sold: list it at price 0 or send it.",
    );
    expect(explainRevert("WaitlistTicketNotReturnable", [3n, 3])).toBe(
      "Ticket #3 cannot be returned to the waitlist: The ticket cannot be returned to the waitlist any more: the lock window before the event has started (or the event is over).",
    );
    expect(explainRevert("MarketPriceChanged", [parseEther("0.1"), parseEther("0.12")])).toBe(
      "The listing's price changed: 0.12 now, not the 0.1 named.",
    );
  });

  it("decodes a raw revert from a market call into a RevertError with those words", () => {
    const data = encodeErrorResult({ abi: waitlistAbi, errorName: "WaitlistTicketNotReturnable", args: [5n, 2] });
    const cause = new ContractFunctionRevertedError({ abi: resaleMarketAbi, data, functionName: "list" });
    const error = toCliError(
      new ContractFunctionExecutionError(cause, { abi: resaleMarketAbi, functionName: "list", args: [] }),
      "Returning ticket #5",
    );
    expect(error).toBeInstanceOf(RevertError);
    expect(error.message).toBe(
      "Returning ticket #5 refused by the contract: Ticket #5 cannot be returned to the waitlist: The ticket was used at the gate, so it cannot be returned to the waitlist.",
    );
  });
});
