import { describe, expect, it } from "vitest";
import { fetchHealth, parseHealth } from "./health";

describe("parseHealth", () => {
  it("reads the sync engine's status fields", () => {
    expect(parseHealth({ ok: true, chainId: 31337, indexedBlock: 120, headBlock: 123, lagBlocks: 3 }, true)).toEqual({
      ok: true,
      indexedBlock: 120,
      headBlock: 123,
      lagBlocks: 3,
      lagSeconds: null,
    });
  });

  it("accepts nested lag, a sync sub-object and numbers as strings", () => {
    expect(parseHealth({ status: "ok", sync: { lastIndexedBlock: "77", head: "80" }, lag: { blocks: 3, seconds: 6 } }, true)).toEqual({
      ok: true,
      indexedBlock: 77,
      headBlock: 80,
      lagBlocks: 3,
      lagSeconds: 6,
    });
  });

  it("derives the lag from the head when it is not given, and never goes negative", () => {
    expect(parseHealth({ indexedBlock: 10, headBlock: 15 }, true).lagBlocks).toBe(5);
    expect(parseHealth({ indexedBlock: 16, headBlock: 15 }, true).lagBlocks).toBe(0);
  });

  it("marks a 503, ok:false or an error status as not healthy, and survives junk", () => {
    expect(parseHealth({ ok: true, indexedBlock: 1 }, false).ok).toBe(false);
    expect(parseHealth({ ok: false }, true).ok).toBe(false);
    expect(parseHealth({ status: "error" }, true).ok).toBe(false);
    expect(parseHealth("weird", true)).toEqual({ ok: true, indexedBlock: null, headBlock: null, lagBlocks: null, lagSeconds: null });
    expect(parseHealth({ indexedBlock: "lots", lag: "x" }, true).indexedBlock).toBeNull();
  });
});

describe("fetchHealth", () => {
  it("treats a 503 with a JSON body as an answer, not a failure", async () => {
    const fetch: typeof globalThis.fetch = async () => Response.json({ ok: false, indexedBlock: 5, headBlock: 50 }, { status: 503 });
    await expect(fetchHealth("http://x.test", { fetch })).resolves.toMatchObject({ ok: false, lagBlocks: 45 });
  });
});
