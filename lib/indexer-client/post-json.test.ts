import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createIndexerClient } from "./client";
import { IndexerClientError } from "./errors";
import { redeemGateInvite, scanPass } from "./gate";
import { postIndexerJson } from "./post-json";

const fetchReturning = (
  status: number,
  body: unknown,
  seen: { url: string; init: RequestInit | undefined }[] = [],
): typeof globalThis.fetch =>
  (async (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push({ url: String(input), init });
    return Response.json(body, { status });
  }) as typeof globalThis.fetch;

describe("postIndexerJson", () => {
  it("sends JSON with the bearer token and returns the body", async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const body = await postIndexerJson("http://x.test/", "/gate/session", { a: 1 }, z.object({ ok: z.boolean() }), {
      token: "t0k",
      fetch: fetchReturning(200, { ok: true }, seen),
    });
    expect(body).toEqual({ ok: true });
    expect(seen[0]!.url).toBe("http://x.test/gate/session");
    expect(seen[0]!.init?.headers).toMatchObject({ authorization: "Bearer t0k", "content-type": "application/json" });
    expect(seen[0]!.init?.body).toBe('{"a":1}');
  });

  it("turns the server's error body into an error with the server's own code", async () => {
    const error = await redeemGateInvite("http://x.test", "abcd-efgh", "KEY", {
      fetch: fetchReturning(401, { error: { code: "GATE_UNAUTHORIZED", message: "invite unknown or used" } }),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexerClientError);
    expect(error).toMatchObject({
      code: "GATE_UNAUTHORIZED",
      apiCode: "GATE_UNAUTHORIZED",
      shortMessage: "invite unknown or used",
      status: 401,
    });
  });

  it("upper-cases and trims an invite code and sends the device's public key with it", async () => {
    const seen: { url: string; init: RequestInit | undefined }[] = [];
    const session = {
      token: "t",
      contract: `0x${"ab".repeat(20)}`,
      gateId: "north",
      zone: 0,
      role: "gate",
      staff: "invite:1",
      expiresAt: "2026-01-01T00:00:00.000Z",
    };
    await redeemGateInvite("http://x.test", " abcd-efgh-jkmn-pqrs ", "KEY", {
      fetch: fetchReturning(200, session, seen),
    });
    expect(JSON.parse(String(seen[0]!.init?.body))).toEqual({ code: "ABCD-EFGH-JKMN-PQRS", devicePublicKey: "KEY" });
  });

  it("returns a DENY verdict sent with 401 as an answer, not an error", async () => {
    const verdict = await scanPass("http://x.test", "t", "PASS", undefined, {
      fetch: fetchReturning(401, { result: "DENY", reason: "GATE_UNAUTHORIZED", message: "m" }),
    });
    expect(verdict).toMatchObject({ result: "DENY", reason: "GATE_UNAUTHORIZED" });
  });

  it("reports a refused connection as INDEXER_UNREACHABLE and a non-JSON body as INDEXER_BAD_RESPONSE", async () => {
    const refused = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof globalThis.fetch;
    await expect(postIndexerJson("http://x.test", "/p", {}, z.unknown(), { fetch: refused })).rejects.toMatchObject({
      code: "INDEXER_UNREACHABLE",
    });
    const html = (async () => new Response("<html>", { status: 200 })) as typeof globalThis.fetch;
    await expect(postIndexerJson("http://x.test", "/p", {}, z.unknown(), { fetch: html })).rejects.toMatchObject({
      code: "INDEXER_BAD_RESPONSE",
    });
  });
});

describe("createIndexerClient request options", () => {
  it("rethrows the caller's own abort untouched instead of calling the indexer unreachable", async () => {
    const controller = new AbortController();
    const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
      controller.abort();
      throw init?.signal?.reason ?? new Error("aborted");
    }) as typeof globalThis.fetch;
    const error = await createIndexerClient({ baseUrl: "http://x.test", fetch })
      .events({}, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(IndexerClientError);
  });
});
