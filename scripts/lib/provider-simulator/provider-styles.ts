/**
 * How hosted JSON-RPC providers word their refusals, as seen in the wild: the same limit comes
 * back with a different code, message and hint depending on who runs the node. The simulator
 * answers in one of these styles so the clients are tested against every phrasing, not one.
 */

export type ProviderStyle =
  | "alchemy"
  | "infura"
  | "quicknode"
  | "invalid-params"
  | "range-too-large"
  | "max-block-range";

export const PROVIDER_STYLES: readonly ProviderStyle[] = [
  "alchemy",
  "infura",
  "quicknode",
  "invalid-params",
  "range-too-large",
  "max-block-range",
];

export type RpcErrorBody = { code: number; message: string; data?: unknown };

/** What the client asked for and what the provider allows, for wording a refusal. */
export type RangeRefusal = { from: bigint; to: bigint; maxRange: number };
export type ResultRefusal = { from: bigint; to: bigint; maxResults: number; count: number };

const hex = (n: bigint) => `0x${n.toString(16)}`;
const thousands = (n: number) => n.toLocaleString("en-US");

/** A block range that would have worked, as providers that hint compute it. */
function hintedTo(from: bigint, to: bigint, blocks: number): bigint {
  const end = from + BigInt(Math.max(1, blocks)) - 1n;
  return end < to ? end : to;
}

/** The refusal of an eth_getLogs whose block range is over the cap. */
export function rangeRefusal(style: ProviderStyle, r: RangeRefusal): RpcErrorBody {
  const hintTo = hintedTo(r.from, r.to, r.maxRange);
  switch (style) {
    case "alchemy":
      return {
        code: -32602,
        message: `Log response size exceeded. You can make eth_getLogs requests with up to a ${r.maxRange} block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response. Based on your parameters and the response size limit, this block range should work: [${hex(r.from)}, ${hex(hintTo)}]`,
      };
    case "infura":
      return {
        code: -32005,
        message: `query returned more than 10000 results. Try with this block range [${hex(r.from)}, ${hex(hintTo)}].`,
        data: { from: hex(r.from), to: hex(hintTo), limit: 10_000 },
      };
    case "quicknode":
      return { code: -32614, message: `eth_getLogs is limited to a ${thousands(r.maxRange)} range` };
    case "invalid-params":
      return { code: -32602, message: "invalid block range params" };
    case "range-too-large":
      return { code: -32000, message: "block range too large" };
    case "max-block-range":
      return { code: -32000, message: `exceed maximum block range: ${r.maxRange}` };
  }
}

/** The refusal of an eth_getLogs whose answer holds more logs than the provider returns. */
export function resultRefusal(style: ProviderStyle, r: ResultRefusal): RpcErrorBody {
  // Providers that hint scale the range down to what would have fitted.
  const blocks = Number(r.to - r.from + 1n);
  const fits = Math.max(1, Math.floor((blocks * r.maxResults) / Math.max(1, r.count)));
  const hintTo = hintedTo(r.from, r.to, fits);
  switch (style) {
    case "alchemy":
      return {
        code: -32602,
        message: `Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and 10K logs in the response. Based on your parameters, this block range should work: [${hex(r.from)}, ${hex(hintTo)}]`,
      };
    case "infura":
      return {
        code: -32005,
        message: `query returned more than ${r.maxResults} results. Try with this block range [${hex(r.from)}, ${hex(hintTo)}].`,
        data: { from: hex(r.from), to: hex(hintTo), limit: r.maxResults },
      };
    case "quicknode":
      return { code: -32614, message: `eth_getLogs is limited to ${thousands(r.maxResults)} logs` };
    default:
      return { code: -32005, message: `query returned more than ${r.maxResults} results` };
  }
}

/** A 429's JSON-RPC body (some providers send a plain-text body instead: null). */
export function rateLimitBody(style: ProviderStyle, rps: number): RpcErrorBody | null {
  switch (style) {
    case "alchemy":
      return {
        code: 429,
        message:
          "Your app has exceeded its compute units per second capacity. If you have retries enabled, you can safely ignore this message.",
      };
    case "infura":
      return { code: -32005, message: "rate limit exceeded" };
    case "quicknode":
      return {
        code: -32007,
        message: `${rps}/second request limit reached - reduce calls per second or upgrade your account at quicknode.com`,
      };
    case "invalid-params":
      return null;
    case "range-too-large":
      return { code: -32005, message: "too many requests" };
    case "max-block-range":
      return { code: -32005, message: "request rate exceeded capacity" };
  }
}

/** The refusal of a JSON-RPC batch with more calls than allowed. */
export function batchRefusal(maxBatch: number): RpcErrorBody {
  return { code: -32600, message: `batch size too large: at most ${maxBatch} calls per batch` };
}
