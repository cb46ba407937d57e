import { OnsaleApiError } from "../../lib/onsale/client";
import { onsaleWords } from "../../lib/onsale/errors";
import { PowGaveUpError } from "../../lib/onsale/pow";
import { describeTxError, type TxErrorDescription } from "../tx/describe-tx-error";

/**
 * A waiting-room failure as a stable code and a sentence: the server's refusal (shared text in
 * lib/onsale/errors.ts), an unreachable server, a puzzle that could not be solved, or whatever
 * the wallet said (rejected signature …).
 *
 * @example
 * describeOnsaleError(new OnsaleApiError("NOT_ADMITTED", "…", { url, status: 409 })) // { code: "NOT_ADMITTED", message: "It is not your turn yet. …" }
 */
export function describeOnsaleError(error: unknown): TxErrorDescription {
  const unreachable = {
    code: "ONSALE_UNREACHABLE",
    message: "Cannot reach the waiting room. Check the connection; your place is kept.",
  };
  if (error instanceof OnsaleApiError)
    return error.code === "INDEXER_UNREACHABLE" ? unreachable : { code: error.code, message: onsaleWords(error.code) };
  if (error instanceof PowGaveUpError)
    return {
      code: "POW_FAILED",
      message: "Your browser could not solve the sale's puzzle. Reload the page and try again.",
    };
  // fetch() rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError && /fetch|network|load failed/i.test(error.message)) {
    return unreachable;
  }
  return describeTxError(error);
}
