/**
 * Server-Sent Event streams are capped per client on every SSE route, on top of a global cap
 * (issue 18, item 7): one client opening stream after stream gets 429 TOO_MANY_STREAMS while the
 * next fan still connects; a closed stream gives its slot back. The on-sale entry stream:
 * onsale-routes.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app";
import { STREAM_LIMITS } from "./abuse-limits";
import { createStreamSlots } from "./stream-slots";

let t: TestApp;
const CONTRACT = "0x000000000000000000000000000000000000bEEF";

beforeAll(async () => {
  t = await createTestApp({ trustedProxyHops: 1 });
}, 60_000);
afterAll(() => t?.close());

async function open(path: string, client: string) {
  const res = await t.app.request(path, { headers: { "x-forwarded-for": client } });
  const body = (res.headers.get("content-type") ?? "").includes("text/event-stream") ? null : await res.json();
  return { status: res.status, body, close: () => res.body?.cancel() };
}

/** Opens again until the server has noticed a closed stream (its slot comes back when the stream's loop ends). */
async function openOnceFreed(path: string, client: string) {
  for (;;) {
    const res = await open(path, client);
    if (res.status !== 429) return res;
    await new Promise((r) => setImmediate(r));
  }
}

describe.each([
  ["/stream", STREAM_LIMITS.changes.perClient],
  [`/seats/stream?contract=${CONTRACT}`, STREAM_LIMITS.seats.perClient],
])("%s", (path, perClient) => {
  it(`lets one client hold ${perClient} streams, refuses its next with 429 TOO_MANY_STREAMS, and still serves another client`, async () => {
    const mine = [];
    for (let i = 0; i < perClient; i++) {
      const s = await open(path, "203.0.113.1");
      expect(s.status).toBe(200);
      mine.push(s);
    }
    const refused = await open(path, "203.0.113.1");
    expect(refused).toMatchObject({ status: 429, body: { error: { code: "TOO_MANY_STREAMS" } } });
    const other = await open(path, "203.0.113.2");
    expect(other.status).toBe(200);
    await other.close();
    await mine.pop()!.close();
    const again = await openOnceFreed(path, "203.0.113.1");
    expect(again.status).toBe(200);
    await again.close();
    for (const s of mine) await s.close();
  });
});

describe("stream slots", () => {
  it("caps per client and in total, and gives a slot back once", () => {
    const slots = createStreamSlots({ perClient: 2, global: 3 }, "test");
    const a1 = slots.take("a");
    const a2 = slots.take("a");
    expect(slots.take("a")).toMatchObject({ code: "TOO_MANY_STREAMS" });
    const b1 = slots.take("b");
    expect(slots.take("c")).toMatchObject({ code: "BUSY" });
    if (typeof a1 !== "function" || typeof a2 !== "function" || typeof b1 !== "function")
      throw new Error("expected slots");
    a1();
    a1(); // twice is once
    expect(slots.open()).toBe(2);
    expect(typeof slots.take("c")).toBe("function");
    expect(slots.take("d")).toMatchObject({ code: "BUSY" });
  });
});
