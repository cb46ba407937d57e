/** The event-content client over a fake fetch: none yet is null, a refusal keeps the server's code, drift fails loudly. */
import { describe, expect, it } from "vitest";
import { createEventContentClient } from "./event-content";
import { IndexerClientError } from "./errors";

const A = "0x00000000000000000000000000000000000e7e01";
const answer = (status: number, body: unknown) => async () =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
const stored = {
  contract: A,
  version: 2,
  signer: "0x00000000000000000000000000000000000000aa",
  signature: `0x${"11".repeat(65)}`,
  contentHash: `0x${"22".repeat(32)}`,
  updatedAt: "2026-12-07T12:00:00.000Z",
  content: {
    description: "",
    venue: null,
    image: { kind: "upload", mediaType: "image/png", bytes: 4, path: `/events/${A}/content/image?v=2` },
    timeZone: "UTC",
    doorsOpen: null,
    tierNames: ["Standing"],
  },
};

describe("event content client", () => {
  it("reads the content and resolves an uploaded image to the server's address", async () => {
    const client = createEventContentClient({ baseUrl: "http://indexer.test/", fetch: answer(200, stored) });
    const content = await client.content(A);
    expect(content?.content.tierNames).toEqual(["Standing"]);
    expect(client.imageSrc(content)).toBe(`http://indexer.test/events/${A}/content/image?v=2`);
  });

  it("answers null when the organizer wrote nothing", async () => {
    const client = createEventContentClient({
      baseUrl: "http://indexer.test",
      fetch: answer(404, { error: { code: "NOT_FOUND", message: "no content" } }),
    });
    expect(await client.content(A)).toBeNull();
  });

  it("keeps the server's refusal code, and refuses a body that is not content", async () => {
    const refused = createEventContentClient({
      baseUrl: "http://indexer.test",
      fetch: answer(409, { error: { code: "STALE_VERSION", message: "version 1 is not newer" } }),
    });
    await expect(
      refused.put(A, { version: 1, content: stored.content as never, signature: "0x00" }),
    ).rejects.toMatchObject({ code: "STALE_VERSION", status: 409 });
    const drifted = createEventContentClient({
      baseUrl: "http://indexer.test",
      fetch: answer(200, { version: "two" }),
    });
    await expect(drifted.content(A)).rejects.toBeInstanceOf(IndexerClientError);
  });
});
