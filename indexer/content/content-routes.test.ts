/**
 * `/events/:address/content` over HTTP against a real in-process chain: the event's admin signs
 * and the content is served (cacheable, with its uploaded image); a door-staff wallet's signature,
 * a stale version, an oversized body and a flood of writes are refused with their codes.
 */
import { type Address, getAddress, type WalletClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EventContent, eventContentResponseSchema } from "../../lib/event-content/content-schema";
import { eventContentTypedData } from "../../lib/event-content/content-signature";
import { EVENT_CONTENT_LIMITS } from "../api/abuse-limits";
import { gateFixture } from "../testing/gate-fixture";
import { createTestApp, type TestApp } from "../testing/test-app";

const PNG = Buffer.from("89504e470d0a1a0a0000000d4948445200000001", "hex");

const content = (description: string, image: EventContent["image"] = null): EventContent => ({
  description,
  venue: { name: "Hall 2", address: "Main Street 1" },
  image,
  timeZone: "America/New_York",
  doorsOpen: 1_999_998_200,
  tierNames: ["General", "VIP", "Named"],
});

describe("event content over HTTP", { timeout: 120_000 }, () => {
  let t: TestApp;
  let event: Address;
  let ip = 0;

  beforeAll(async () => {
    t = await createTestApp({ trustedProxyHops: 1 });
    const g = gateFixture(t);
    event = await g.createTieredEvent("Content Night");
    await g.grantGateRole(event, t.chain.carol.account!.address);
    await t.sync.syncToHead();
  });
  afterAll(() => t?.close());

  async function put(wallet: WalletClient, version: number, c: EventContent, from = `198.51.100.${++ip}`) {
    const signature = await wallet.signTypedData({
      account: wallet.account!,
      ...eventContentTypedData(t.chain.chainId, event, version, c),
    });
    const res = await t.app.request(`/events/${event}/content`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-forwarded-for": from },
      body: JSON.stringify({ version, content: c, signature }),
    });
    return { status: res.status, body: (await res.json()) as any };
  }

  it("stores the organizer's signed content and serves it, uploaded image included", async () => {
    const dataUrl = `data:image/png;base64,${PNG.toString("base64")}`;
    const saved = await put(t.chain.organizer, 1, content("First words", { kind: "upload", dataUrl }));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const res = await t.app.request(`/events/${event}/content`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe(`public, max-age=${EVENT_CONTENT_LIMITS.maxAgeSeconds}`);
    const body = eventContentResponseSchema.parse(await res.json());
    expect(body.signer).toBe(getAddress(t.chain.organizer.account!.address));
    expect(body.content.tierNames).toEqual(["General", "VIP", "Named"]);
    expect(body.content.image).toMatchObject({ kind: "upload", mediaType: "image/png", bytes: PNG.length });

    const path = (body.content.image as { path: string }).path;
    const image = await t.app.request(path);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(image.headers.get("cache-control")).toContain("immutable");
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);
  });

  it("refuses door staff's signature (403 NOT_ORGANIZER) and a stale version (409 STALE_VERSION)", async () => {
    const staff = await put(t.chain.carol, 50, content("Staff rewrite"));
    expect(staff.status).toBe(403);
    expect(staff.body.error.code).toBe("NOT_ORGANIZER");
    const stale = await put(t.chain.organizer, 1, content("Same version again"));
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("STALE_VERSION");
    const newer = await put(t.chain.organizer, 2, content("Second words"));
    expect(newer.status).toBe(200);
    const read = await (await t.app.request(`/events/${event}/content`)).json();
    expect(read.content.description).toBe("Second words");
    expect(read.content.image).toBeNull();
    expect((await t.app.request(`/events/${event}/content/image`)).status).toBe(404);
  });

  it("refuses a body over the size cap with 413 before reading it", async () => {
    const res = await t.app.request(`/events/${event}/content`, {
      method: "PUT",
      headers: { "content-type": "application/json", "x-forwarded-for": "198.51.100.200" },
      body: JSON.stringify({ pad: "x".repeat(EVENT_CONTENT_LIMITS.maxBodyBytes) }),
    });
    expect(res.status).toBe(413);
  });

  it("answers null for an event without content (no failed request in a browser) and 400 for a malformed address", async () => {
    const none = await t.app.request(`/events/0x${"12".repeat(20)}/content`);
    expect(none.status).toBe(200);
    expect(await none.json()).toBeNull();
    expect((await t.app.request("/events/0x12/content")).status).toBe(400);
  });

  it("limits writes per client: past the burst, 429 RATE_LIMITED", async () => {
    const statuses: number[] = [];
    for (let v = 100; v < 100 + EVENT_CONTENT_LIMITS.writeBurst + 2; v++)
      statuses.push((await put(t.chain.organizer, v, content(`burst ${v}`), "198.51.100.250")).status);
    expect(statuses.slice(0, EVENT_CONTENT_LIMITS.writeBurst).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});
