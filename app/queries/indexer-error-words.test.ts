import { describe, expect, it } from "vitest";
import { IndexerClientError } from "../../lib/indexer-client/errors";
import { indexerErrorWords } from "./indexer-error-words";

const url = "http://127.0.0.1:4100/tickets/0x…/1";

describe("indexerErrorWords", () => {
  it("says the indexer is down, and that the page recovers by itself, when it does not answer", () => {
    const words = indexerErrorWords(
      new IndexerClientError("INDEXER_UNREACHABLE", "the indexer did not answer", { url }),
      "this ticket's history",
    );
    expect(words).toBe(
      "The indexer is not answering, so this ticket's history cannot be shown right now. It appears here by itself once the indexer is back; tickets and transactions still work.",
    );
  });

  it("explains a 404 (not caught up yet), a 429, another HTTP error and a bad answer", () => {
    expect(
      indexerErrorWords(new IndexerClientError("INDEXER_HTTP_ERROR", "no ticket", { url, status: 404 }), "x"),
    ).toContain("not caught up with the chain");
    expect(
      indexerErrorWords(new IndexerClientError("INDEXER_HTTP_ERROR", "slow down", { url, status: 429 }), "x"),
    ).toContain("too many requests");
    expect(indexerErrorWords(new IndexerClientError("INDEXER_HTTP_ERROR", "boom", { url, status: 500 }), "x")).toBe(
      "The indexer could not answer (boom), so x cannot be shown right now.",
    );
    expect(
      indexerErrorWords(
        new IndexerClientError("INDEXER_BAD_RESPONSE", "unexpected response shape: tier", { url }),
        "x",
      ),
    ).toContain("does not understand");
  });

  it("still says something for an error that is not the indexer client's", () => {
    expect(indexerErrorWords(new TypeError("boom"), "the listings")).toBe("Could not load the listings: boom");
    expect(indexerErrorWords("weird", "the listings")).toBe("Could not load the listings: weird");
  });
});
