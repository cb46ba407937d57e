import { describe, expect, it } from "vitest";
import { IndexerError } from "./errors";
import { fetchTickets, parseTicketsResponse, shortAddress } from "./tickets";

const CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";
const OWNER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const URL = "http://127.0.0.1:4100/tickets";

describe("parseTicketsResponse", () => {
  it("reads the documented shape", () => {
    const result = parseTicketsResponse(
      {
        owner: OWNER,
        tickets: [
          { contract: CONTRACT, tokenId: "1", owner: OWNER, eventName: "Summer Fest", checkedIn: false, tierId: 0 },
          { contract: CONTRACT, tokenId: "2", owner: OWNER, eventName: "Summer Fest", checkedIn: true },
        ],
      },
      URL,
    );
    expect(result.skipped).toBe(0);
    expect(result.tickets).toEqual([
      { contract: CONTRACT, tokenId: "1", owner: OWNER, eventName: "Summer Fest", checkedIn: false },
      { contract: CONTRACT, tokenId: "2", owner: OWNER, eventName: "Summer Fest", checkedIn: true },
    ]);
  });

  it("reads the indexer's current answer (indexer/api/tickets-route.ts)", () => {
    const body = {
      owner: OWNER,
      tickets: [
        { contract: CONTRACT, tokenId: "5", owner: OWNER, eventName: null, startTime: null, mintedBlock: 3, updatedBlock: 3, checkedIn: false, checkedInAt: null },
        { contract: CONTRACT, tokenId: "6", owner: OWNER, eventName: "Gig", startTime: "1790000000", mintedBlock: 3, updatedBlock: 9, checkedIn: true, checkedInAt: "2026-11-23T15:00:00.000Z" },
      ],
    };
    expect(parseTicketsResponse(body, URL)).toEqual({
      skipped: 0,
      tickets: [
        { contract: CONTRACT, tokenId: "5", owner: OWNER, eventName: null, checkedIn: false },
        { contract: CONTRACT, tokenId: "6", owner: OWNER, eventName: "Gig", checkedIn: true },
      ],
    });
  });

  it("accepts small spelling differences: numeric ids, nested event, checkedInAt, items, bare arrays", () => {
    const nested = { id: 7, event: { address: CONTRACT, name: "Nested" }, checkedInAt: "2026-01-01T00:00:00Z" };
    expect(parseTicketsResponse({ items: [nested] }, URL).tickets).toEqual([
      { contract: CONTRACT, tokenId: "7", owner: null, eventName: "Nested", checkedIn: true },
    ]);
    const bare = [{ contractAddress: CONTRACT, tokenId: 3, status: "checked_in" }];
    expect(parseTicketsResponse(bare, URL).tickets[0]).toMatchObject({ tokenId: "3", checkedIn: true, eventName: null });
    expect(parseTicketsResponse({ tickets: [{ event: CONTRACT, tokenId: "4" }] }, URL).tickets[0]).toMatchObject({
      contract: CONTRACT,
      checkedIn: false,
    });
  });

  it("keeps uint256 token ids exact", () => {
    const big = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
    expect(parseTicketsResponse({ tickets: [{ contract: CONTRACT, tokenId: big }] }, URL).tickets[0]?.tokenId).toBe(big);
  });

  it("skips unreadable entries instead of guessing, and counts them", () => {
    const result = parseTicketsResponse(
      { tickets: [{ contract: CONTRACT, tokenId: "1" }, { tokenId: "2" }, { contract: "0x12", tokenId: "3" }, null] },
      URL,
    );
    expect(result.tickets.map((t) => t.tokenId)).toEqual(["1"]);
    expect(result.skipped).toBe(3);
  });

  it("reports a body without a ticket list as INDEXER_BAD_RESPONSE", () => {
    for (const body of [{ error: "nope" }, "tickets", null, { tickets: "none" }]) {
      expect(() => parseTicketsResponse(body, URL)).toThrow(expect.objectContaining({ code: "INDEXER_BAD_RESPONSE" }));
    }
  });
});

describe("fetchTickets", () => {
  it("asks for the owner's tickets and parses the answer", async () => {
    const seen: string[] = [];
    const fetch: typeof globalThis.fetch = async (input) => {
      seen.push(String(input));
      return Response.json({ owner: OWNER, tickets: [{ contract: CONTRACT, tokenId: "9", checkedIn: false }] });
    };
    const result = await fetchTickets("http://127.0.0.1:4100/", OWNER, { fetch });
    expect(seen).toEqual([`http://127.0.0.1:4100/tickets?owner=${OWNER}`]);
    expect(result.tickets).toHaveLength(1);
  });

  it("turns a refused connection into INDEXER_UNREACHABLE and an HTTP error into INDEXER_HTTP_ERROR", async () => {
    const refused: typeof globalThis.fetch = async () => {
      throw new TypeError("fetch failed");
    };
    const error = await fetchTickets("http://127.0.0.1:1", OWNER, { fetch: refused }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexerError);
    expect((error as IndexerError).code).toBe("INDEXER_UNREACHABLE");

    const failing: typeof globalThis.fetch = async () => new Response("boom", { status: 500 });
    await expect(fetchTickets("http://x.test", OWNER, { fetch: failing })).rejects.toMatchObject({
      code: "INDEXER_HTTP_ERROR",
      details: { status: 500 },
    });
  });

  it("rethrows the caller's own abort untouched", async () => {
    const controller = new AbortController();
    const fetch: typeof globalThis.fetch = async (_input, init) => {
      controller.abort();
      throw init?.signal?.reason ?? new Error("aborted");
    };
    const error = await fetchTickets("http://x.test", OWNER, { fetch, signal: controller.signal }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(IndexerError);
  });
});

describe("shortAddress", () => {
  it("keeps the start and end", () => {
    expect(shortAddress(CONTRACT)).toBe("0x5FbD…0aa3");
  });
});
