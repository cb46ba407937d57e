import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { IndexerClientError } from "./errors";
import { requestJson } from "./request-json";

const url = "http://x.test/thing";
const answering = (status: number, body: string): typeof globalThis.fetch =>
  (async () => new Response(body, { status, headers: { "content-type": "application/json" } })) as typeof fetch;

describe("requestJson", () => {
  it("gives up after the timeout with a typed INDEXER_UNREACHABLE that says it timed out", async () => {
    // A server that never answers: the request ends only when its signal aborts.
    const silent = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      )) as typeof fetch;
    const error = await requestJson(url, z.unknown(), { fetch: silent, timeoutMs: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexerClientError);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "INDEXER_UNREACHABLE", status: 503, details: { url, timedOut: true } });
  });

  it("refuses an answer of the wrong shape, or not JSON, as INDEXER_BAD_RESPONSE", async () => {
    const schema = z.object({ tokenId: z.string() });
    const shape = await requestJson(url, schema, { fetch: answering(200, '{"tokenId":7}') }).catch((e: unknown) => e);
    expect(shape).toMatchObject({ code: "INDEXER_BAD_RESPONSE", status: 200 });
    expect((shape as IndexerClientError).shortMessage).toContain("tokenId");
    expect((shape as IndexerClientError).cause).toBeInstanceOf(z.ZodError);
    const html = await requestJson(url, schema, { fetch: answering(200, "<html>") }).catch((e: unknown) => e);
    expect(html).toMatchObject({ code: "INDEXER_BAD_RESPONSE" });
  });

  it("returns the parsed answer, and an accepted error status's body as an answer", async () => {
    const verdict = z.object({ result: z.literal("DENY") });
    expect(
      await requestJson(url, verdict, { fetch: answering(401, '{"result":"DENY"}'), acceptStatuses: [401] }),
    ).toEqual({ result: "DENY" });
  });

  it("keeps the server's code, status, message and details; an error status without a code is INDEXER_HTTP_ERROR", async () => {
    const body = '{"error":{"code":"SEATS_TAKEN","message":"2 seats are held","seats":[4,5]}}';
    const taken = await requestJson(url, z.unknown(), { fetch: answering(409, body) }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(AppError);
    expect(taken).toMatchObject({
      code: "SEATS_TAKEN",
      apiCode: "SEATS_TAKEN",
      status: 409,
      shortMessage: "2 seats are held",
      details: { seats: [4, 5] },
    });
    const proxy = await requestJson(url, z.unknown(), { fetch: answering(502, "<html>") }).catch((e: unknown) => e);
    expect(proxy).toMatchObject({ code: "INDEXER_HTTP_ERROR", status: 502 });
  });
});
