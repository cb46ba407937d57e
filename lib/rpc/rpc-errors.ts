/**
 * What an RPC failure means to a caller: shrink the eth_getLogs range, wait out a rate limit,
 * retry later, or give up. Providers word the same limit differently, so it is matched on HTTP
 * status, JSON-RPC code and the common phrasings (Alchemy, Infura, QuickNode, Geth, Erigon,
 * Ankr, BSC/Polygon, Hardhat). A rate limit is never a range refusal: it is checked first, by
 * status before code, because a 429 may carry -32005, the code Infura also uses for "too many results".
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

export type RpcErrorKind = "range" | "rate-limit" | "retryable" | "fatal";

const RATE_LIMIT_PATTERNS = [
  /rate limit/i,
  /too many requests/i,
  /exceeded .*capacity/i,
  /request rate exceeded/i,
  /request limit reached/i,
  /requests? per second/i,
  /daily request count exceeded/i,
];

const RANGE_PATTERNS = [
  /too many (results|logs|blocks)/i,
  /(block )?range (is )?too (large|wide|big)/i,
  /exceed(s|ed)? (max(imum)?|the)? ?(block )?range/i,
  /invalid block range/i,
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

const RETRYABLE_PATTERNS = [
  /timeout|timed out/i,
  /ECONNRESET|ECONNREFUSED|EPIPE|ENOTFOUND|EAI_AGAIN|socket hang up|connection (refused|reset|closed)/i,
  /fetch failed|network/i,
  /header not found|unknown block/i,
];

/** JSON-RPC codes providers use for a refused eth_getLogs filter: invalid params, invalid request, QuickNode's range code. */
const RANGE_REFUSAL_CODES = new Set([-32602, -32600, -32614]);
/** JSON-RPC codes that mean "slow down": Alchemy's 429 in a body, QuickNode's request limit. */
const RATE_LIMIT_CODES = new Set([429, -32007]);

/**
 * @example
 * if (classifyRpcError(err) === "range") rangeSize = Math.max(1, rangeSize >> 1);
 */
export function classifyRpcError(err: unknown): RpcErrorKind {
  const status = httpStatusOf(err);
  if (status === 429) return "rate-limit";
  const code = rpcCodeOf(err);
  if (code !== undefined && RATE_LIMIT_CODES.has(code)) return "rate-limit";
  const text = errorText(err);
  if (RATE_LIMIT_PATTERNS.some((p) => p.test(text))) return "rate-limit";
  if (err instanceof BaseError && err.walk((e) => e instanceof LimitExceededRpcError)) return "range";
  if (RANGE_PATTERNS.some((p) => p.test(text))) return "range";
  if (status === 413) return "range";
  if (status !== undefined && (status === 408 || status >= 500)) return "retryable";
  if (err instanceof BaseError) {
    const http = err.walk((e) => e instanceof HttpRequestError) as HttpRequestError | null;
    if (http && http.status === undefined) return "retryable"; // no status: the request never got an answer
    if (err.walk((e) => e instanceof TimeoutError)) return "retryable";
    // -32603 internal error / -32000 server error: usually load, worth another try.
    if (code === -32603 || code === -32000 || code === -32002) return "retryable";
  }
  if (RETRYABLE_PATTERNS.some((p) => p.test(text))) return "retryable";
  return "fatal";
}

/**
 * An eth_getLogs refusal worded in no way we know, but with a code providers use for a bad filter
 * (-32602 "invalid params" …): shrinking the range is worth a try before giving up.
 */
export function mayBeRangeRefusal(err: unknown): boolean {
  const code = rpcCodeOf(err);
  return code !== undefined && RANGE_REFUSAL_CODES.has(code);
}

/**
 * The block-range size a refusal names: the hinted range ("this block range should work:
 * [0x10, 0x7cf]"), or the cap it states ("limited to a 10,000 range", "exceed maximum block range:
 * 2000"). Undefined when the refusal gives no number.
 */
export function rangeHint(err: unknown): number | undefined {
  const text = errorText(err);
  const hinted = /\[\s*(0x[0-9a-f]+)\s*,\s*(0x[0-9a-f]+)\s*\]/i.exec(text);
  if (hinted) {
    const blocks = Number(BigInt(hinted[2]!) - BigInt(hinted[1]!) + 1n);
    if (blocks >= 1) return blocks;
  }
  const stated = [
    /limited to (?:a |an )?([\d,]+) (?:block )?range/i,
    /exceed(?:s|ed)? (?:the )?max(?:imum)? (?:block )?range(?: of)?:? ([\d,]+)/i,
    /block range (?:limit|max(?:imum)?)(?: is| of)?:? ([\d,]+)/i,
    /max(?:imum)? (?:of )?([\d,]+) blocks/i,
  ];
  for (const p of stated) {
    const m = p.exec(text);
    const n = m ? Number(m[1]!.replace(/,/g, "")) : NaN;
    if (Number.isSafeInteger(n) && n >= 1) return n;
  }
  return undefined;
}

/** How long a rate-limited answer asks to wait (Retry-After: seconds or an HTTP date), in ms; undefined when it does not say. */
export function retryAfterMs(err: unknown, now: number = Date.now()): number | undefined {
  if (!(err instanceof BaseError)) return undefined;
  const http = err.walk(
    (e) => (e instanceof HttpRequestError || e instanceof RpcRequestError) && e.headers !== undefined,
  ) as HttpRequestError | RpcRequestError | null;
  const value = http?.headers?.get("retry-after");
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The HTTP status of the answer that failed, if the failure was an HTTP answer. */
export function httpStatusOf(err: unknown): number | undefined {
  if (!(err instanceof BaseError)) return undefined;
  const e = err.walk(
    (x) => (x instanceof HttpRequestError || x instanceof RpcRequestError) && x.status !== undefined,
  ) as HttpRequestError | RpcRequestError | null;
  return e?.status;
}

/** The JSON-RPC error code of the answer, if it had one. */
export function rpcCodeOf(err: unknown): number | undefined {
  if (!(err instanceof BaseError)) return undefined;
  const e = err.walk((x) => typeof (x as { code?: unknown }).code === "number") as { code: number } | null;
  return e?.code;
}

/** Everything an error says about itself, causes included. */
export function errorText(err: unknown): string {
  const parts: string[] = [];
  let e: unknown = err;
  for (let i = 0; i < 8 && e; i++) {
    if (e instanceof BaseError) parts.push(e.shortMessage, e.details ?? "");
    else if (e instanceof Error) parts.push(e.message);
    else if (typeof e === "object" && typeof (e as { message?: unknown }).message === "string")
      parts.push((e as { message: string }).message);
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
  return (
    err instanceof BaseError &&
    err.walk((e) => e instanceof ContractFunctionRevertedError || e instanceof ContractFunctionZeroDataError) !== null
  );
}
