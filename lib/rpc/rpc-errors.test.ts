import { HttpRequestError, TimeoutError } from "viem";
import { describe, expect, it } from "vitest";
import { classifyRpcError } from "./rpc-errors";

describe("classifyRpcError", () => {
  it("tells range refusals, transient failures and the rest apart", () => {
    const range = [
      "query returned more than 10000 results",
      "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range",
      "block range is too wide",
      "eth_getLogs is limited to a 10,000 range",
      "HTTP response body exceeded the size limit.",
    ];
    for (const m of range) expect(classifyRpcError(new Error(m)), m).toBe("range");
    expect(classifyRpcError(new HttpRequestError({ url: "http://x", status: 429 }))).toBe("retryable");
    expect(classifyRpcError(new HttpRequestError({ url: "http://x", status: 503 }))).toBe("retryable");
    expect(classifyRpcError(new HttpRequestError({ url: "http://x", status: 413 }))).toBe("range");
    expect(classifyRpcError(new TimeoutError({ body: {}, url: "http://x" }))).toBe("retryable");
    expect(classifyRpcError(new Error("connect ECONNREFUSED 127.0.0.1:8545"))).toBe("retryable");
    expect(classifyRpcError(new HttpRequestError({ url: "http://x", status: 400 }))).toBe("fatal");
    expect(classifyRpcError(new Error("execution reverted"))).toBe("fatal");
  });
});
