/**
 * What an RPC failure means for the sync engine: shrink the eth_getLogs range, retry later,
 * or give up on this step. Providers word "too many results" differently, so it is matched
 * on codes and the common phrasings (Alchemy, Infura, QuickNode, Geth, Erigon, Ankr, Hardhat).
 */
import {
  BaseError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  HttpRequestError,
  LimitExceededRpcError,
  RpcRequestError,
  TimeoutError,
} from "viem";

export type RpcErrorKind = "range" | "retryable" | "fatal";

const RANGE_PATTERNS = [
  /too many (results|logs|blocks)/i,
  /(block )?range (is )?too (large|wide|big)/i,
  /exceed(s|ed)? (max(imum)?|the)? ?(block )?range/i,
  /query returned more than \d+ results/i,
  /response (size|is too large)/i,
  // viem's own cap on an HTTP response body (10 MiB by default): the range holds too many logs.
  /response body exceeded the size limit/i,
  /log response size exceeded/i,
  /limit exceeded/i,
  /range limit/i,
  /limited to (a |an )?[\d,]+ (block )?range/i,
  /max(imum)? (of )?\d+ (blocks|logs|results)/i,
];

const RETRYABLE_PATTERNS = [/timeout|timed out/i, /ECONNRESET|ECONNREFUSED|EPIPE|ENOTFOUND|EAI_AGAIN|socket hang up|connection (refused|reset|closed)/i, /rate limit|too many requests/i, /fetch failed|network/i, /header not found|unknown block/i];

/**
 * @example
 * if (classifyRpcError(err) === "range") rangeSize = Math.max(1, rangeSize >> 1);
 */
export function classifyRpcError(err: unknown): RpcErrorKind {
  const text = errorText(err);
  if (err instanceof BaseError && err.walk((e) => e instanceof LimitExceededRpcError)) return "range";
  if (RANGE_PATTERNS.some((p) => p.test(text))) return "range";
  if (err instanceof BaseError) {
    const http = err.walk((e) => e instanceof HttpRequestError) as HttpRequestError | null;
    if (http?.status !== undefined) {
      if (http.status === 429 || http.status === 408 || http.status >= 500) return "retryable";
      if (http.status === 413) return "range";
    } else if (http) return "retryable"; // no status: the request never got an answer
    if (err.walk((e) => e instanceof TimeoutError)) return "retryable";
    const rpc = err.walk((e) => e instanceof RpcRequestError) as RpcRequestError | null;
    // -32603 internal error / -32000 server error: usually load, worth another try.
    if (rpc && (rpc.code === -32603 || rpc.code === -32000 || rpc.code === -32002)) return "retryable";
  }
  if (RETRYABLE_PATTERNS.some((p) => p.test(text))) return "retryable";
  return "fatal";
}

/** Everything an error says about itself, causes included. */
export function errorText(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let i = 0; i < 8 && e; i++) {
    if (e instanceof BaseError) parts.push(e.shortMessage, e.details ?? "");
    else if (e instanceof Error) parts.push(e.message);
    else parts.push(String(e));
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(" | ");
}

/** One line for logs and /health: viem's shortMessage alone can be "An unknown RPC error occurred." */
export function describeError(err: unknown): string {
  if (err instanceof BaseError) return err.details ? `${err.shortMessage} (${err.details})` : err.shortMessage;
  return err instanceof Error ? err.message : String(err);
}

/** A contract call that reverted or hit no code: the answer is "no", not "try again". */
export function isRevert(err: unknown): boolean {
  return err instanceof BaseError && err.walk((e) => e instanceof ContractFunctionRevertedError || e instanceof ContractFunctionZeroDataError) !== null;
}
