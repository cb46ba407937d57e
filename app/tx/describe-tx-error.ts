import {
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  UserRejectedRequestError,
  InsufficientFundsError,
  type Abi,
} from "viem";
import { eventTicketAbi, resaleMarketAbi, ticketFactoryAbi, waitlistAbi } from "../../lib/generated/abis";
import { erc20ErrorsAbi } from "../../lib/currency/erc20-errors";
import { ERROR_WORDS } from "./error-words";

/** Every error the contracts declare: a call into one may revert with another's error. */
const allErrorsAbi = [
  ...ticketFactoryAbi,
  ...eventTicketAbi,
  ...resaleMarketAbi,
  ...waitlistAbi,
  ...erc20ErrorsAbi,
].filter((item) => item.type === "error") as Abi;

export type TxErrorDescription = {
  /** The Solidity error name, or USER_REJECTED / INSUFFICIENT_FUNDS / UNKNOWN. */
  code: string;
  /** One sentence for the UI. */
  message: string;
};

/**
 * Turns anything a wallet or viem throws into a stable code and a sentence: decoded custom
 * errors by name (with their arguments in words), a rejected wallet prompt, too little ETH.
 *
 * @example
 * describeTxError(error) // { code: "MarketPriceAboveCap", message: "The price 0.2 ETH is above the resale cap of 0.15 ETH." }
 */
export function describeTxError(error: unknown): TxErrorDescription {
  if (error instanceof BaseError) {
    const rejected = error.walk((e) => e instanceof UserRejectedRequestError || (e as { code?: number }).code === 4001);
    if (rejected) return { code: "USER_REJECTED", message: "You rejected the request in your wallet." };
    if (error.walk((e) => e instanceof InsufficientFundsError)) {
      return { code: "INSUFFICIENT_FUNDS", message: "Your wallet does not hold enough ETH for this (price plus gas)." };
    }
    const reverted = error.walk(
      (e) => e instanceof ContractFunctionRevertedError,
    ) as ContractFunctionRevertedError | null;
    if (reverted) {
      let name = reverted.data?.errorName;
      let args: readonly unknown[] = reverted.data?.args ?? [];
      if (!name && reverted.raw) {
        try {
          const decoded = decodeErrorResult({ abi: allErrorsAbi, data: reverted.raw });
          name = decoded.errorName;
          args = decoded.args ?? [];
        } catch {
          // Not one of ours: fall through to the reason or the short message.
        }
      }
      const words = name && name !== "Error" ? ERROR_WORDS[name] : undefined;
      if (name && words) return { code: name, message: words(args) };
      if (name === "Error" && typeof args[0] === "string") return { code: "REVERTED", message: `Refused: ${args[0]}` };
      if (reverted.reason) return { code: "REVERTED", message: `Refused: ${reverted.reason}` };
      if (name) return { code: name, message: `Refused by the contract (${name}).` };
    }
    return { code: "UNKNOWN", message: error.shortMessage };
  }
  return { code: "UNKNOWN", message: error instanceof Error ? error.message : String(error) };
}
