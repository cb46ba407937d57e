/** GET /metadata/…: ERC-721 token and collection metadata and the ticket image, against a synced mirror of real chain activity. */
import type { Address, WalletClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { eventContent } from "../db/schema";
import { chainActivity } from "../testing/activity";
import { createTestApp, type TestApp } from "../testing/test-app";

// The ERC-721 Metadata JSON Schema's three fields, plus external_url and attributes as wallets and marketplaces read them.
const erc721Metadata = z
  .object({
    name: z.string().min(1),
    description: z.string().min(1),
    image: z.url(),
    external_url: z.url(),
    attributes: z.array(
      z.strictObject({
        trait_type: z.string(),
        value: z.union([z.string(), z.number()]),
        display_type: z.literal("date").optional(),
      }),
    ),
  })
  .strict();
// ERC-7572 contractURI JSON.
const collectionMetadata = z
  .object({ name: z.string(), description: z.string(), image: z.url().optional(), external_link: z.url() })
  .strict();

const HOSTILE = `<script>alert(1)</script>"&'<img src=x onerror=alert(2)>`;

describe("ERC-721 metadata routes", { timeout: 120_000 }, () => {
  let t: TestApp;
  let ticket: Address;
  let cancelled: Address;
  let hostile: Address;
  let base: string;
  const get = (path: string, headers: Record<string, string> = {}) => t.app.request(path, { headers });
  const traits = (body: { attributes: { trait_type: string; value: unknown }[] }) =>
    Object.fromEntries(body.attributes.map((a) => [a.trait_type, a.value]));

  beforeAll(async () => {
    t = await createTestApp();
    const activity = chainActivity({
      publicClient: t.chain.publicClient,
      wallets: [t.chain.organizer, t.chain.alice, t.chain.bob, t.chain.carol] as WalletClient[],
      factory: t.chain.factory,
    });
    ticket = await activity.createTieredEvent("Fairgate Live");
    await activity.scenario(ticket, 0);
    cancelled = await activity.createTieredEvent("Called Off");
    await activity.scenario(cancelled, 1);
    await activity.cancelAndRefund(cancelled);
    hostile = await activity.createTieredEvent(HOSTILE);
    await activity.scenario(hostile, 0);
    await t.sync.syncToHead();
    base = `/metadata/${t.chain.chainId}`;
  }, 300_000); // about 50 transactions: minutes on a busy shared machine
  afterAll(() => t.close());

  it("serves a valid ticket's ERC-721 JSON: event, date, tier, zone, status; its image and page; cached briefly", async () => {
    const res = await get(`${base}/${ticket.toLowerCase()}/6`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=30");
    const body = erc721Metadata.parse(await res.json());
    expect(body.name).toBe("Fairgate Live: Tier 0 #6");
    expect(traits(body)).toMatchObject({ Event: "Fairgate Live", Tier: "Tier 0", Zone: "General", Status: "Valid" });
    expect(body.attributes.find((a) => a.trait_type === "Date")).toMatchObject({ display_type: "date" });
    expect(traits(body)).not.toHaveProperty("Seat"); // general admission
    expect(body.image).toBe(`http://localhost${base}/${ticket.toLowerCase()}/6/image.svg`);
    expect(body.external_url).toBe(`http://localhost:3000/tickets/${ticket}/6`);
    // No personal data: neither the holder nor any identity.
    const holder = ((await (await get(`/tickets/${ticket}/6`)).json()) as { ticket: { owner: string } }).ticket.owner;
    expect(JSON.stringify(body).toLowerCase()).not.toContain(holder.slice(2).toLowerCase());
  });

  it("names the status by the one rule: checked in, refunded, cancelled; tier 1's zones", async () => {
    const used = erc721Metadata.parse(await (await get(`${base}/${ticket}/2`)).json());
    expect(traits(used).Status).toBe("Checked in");
    const vip = erc721Metadata.parse(await (await get(`${base}/${ticket}/4`)).json());
    expect(traits(vip)).toMatchObject({ Tier: "Tier 1", Zone: "General, VIP" });
    const refunded = erc721Metadata.parse(await (await get(`${base}/${cancelled}/6`)).json());
    expect(traits(refunded).Status).toBe("Refunded");
    const comp = erc721Metadata.parse(await (await get(`${base}/${cancelled}/1`)).json());
    expect(traits(comp).Status).toBe("Event cancelled"); // complimentary: no refund to claim
  });

  it("uses the organizer's content when there is some: description, image, tier names, the venue's time zone", async () => {
    await t.database.db.insert(eventContent).values({
      contract: cancelled.toLowerCase(),
      version: 3,
      content: {
        description: "An evening of <b>music</b>.",
        venue: null,
        image: { kind: "upload", mediaType: "image/png", bytes: 4 },
        timeZone: "Europe/Berlin",
        doorsOpen: null,
        tierNames: ["", "Balcony"],
      },
      imageBase64: "iVBORw==",
      imageType: "image/png",
      signer: t.chain.organizer.account!.address.toLowerCase(),
      signature: "0x00",
      contentHash: `0x${"00".repeat(32)}`,
      updatedAt: new Date(),
    });
    const vip = erc721Metadata.parse(await (await get(`${base}/${cancelled}/4`)).json());
    expect(vip.name).toBe("Called Off: Balcony #4");
    expect(vip.description).toContain("An evening of <b>music</b>.");
    expect(traits(vip).Tier).toBe("Balcony");
    expect(traits(erc721Metadata.parse(await (await get(`${base}/${cancelled}/1`)).json())).Tier).toBe("Tier 0");
    const svg = await (await get(`${base}/${cancelled}/4/image.svg`)).text();
    expect(svg).toContain("Europe/Berlin");
    const collection = collectionMetadata.parse(await (await get(`${base}/${cancelled}`)).json());
    expect(collection).toMatchObject({
      description: "An evening of <b>music</b>.",
      image: `http://localhost/events/${cancelled.toLowerCase()}/content/image?v=3`,
    });
  });

  it("serves the collection's ERC-7572 JSON, the on-chain name without content", async () => {
    const res = await get(`${base}/${ticket.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const body = collectionMetadata.parse(await res.json());
    expect(body).toMatchObject({ name: "Fairgate Live", external_link: `http://localhost:3000/events/${ticket}` });
    expect(body.image).toBeUndefined();
  });

  it("draws the image as SVG with the ticket's facts and its status, no holder", async () => {
    const res = await get(`${base}/${ticket}/2/image.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const svg = await res.text();
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const text of ["Fairgate Live", "Ticket #2", "Tier 0", "General", "Checked in", " UTC"])
      expect(svg).toContain(text);
    expect(svg).not.toMatch(/0x[0-9a-fA-F]{40}/);
  });

  it("keeps a hostile event name inert: escaped in the SVG, plain text in the JSON", async () => {
    const svg = await (await get(`${base}/${hostile}/6/image.svg`)).text();
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;&#39;");
    // Only the elements the template draws.
    const tags = new Set([...svg.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(["rect", "style", "svg", "text", "title"]);
    const body = erc721Metadata.parse(await (await get(`${base}/${hostile}/6`)).json());
    expect(traits(body).Event).toBe(HOSTILE);
  });

  it("answers unknown chains, events and tokens with 404 and a code, never cached", async () => {
    const cases: [string, string][] = [
      [`/metadata/1/${ticket}/6`, "NOT_FOUND"],
      [`${base}/0x${"ab".repeat(20)}/1`, "UNKNOWN_EVENT"],
      [`${base}/0x${"ab".repeat(20)}`, "UNKNOWN_EVENT"],
      [`${base}/${ticket}/999999`, "NOT_FOUND"],
      [`${base}/${ticket}/999999/image.svg`, "NOT_FOUND"],
    ];
    for (const [path, code] of cases) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 404]);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });

  it("refuses malformed and hostile paths with 400, never a 5xx", async () => {
    const bad = [
      `/metadata/abc/${ticket}/1`,
      `/metadata/${"9".repeat(40)}/${ticket}/1`,
      `${base}/0x123/1`,
      `${base}/${ticket}/-1`,
      `${base}/${ticket}/0x01`,
      `${base}/${ticket}/${"1".repeat(79)}`,
      `${base}/${ticket}/${(2n ** 256n).toString()}`,
      `${base}/${ticket}/1%00`,
      `${base}/%3Cscript%3E/1/image.svg`,
      `${base}/${ticket}/%F0%9F%8E%AB`,
    ];
    for (const path of bad) {
      const res = await get(path);
      expect([path, res.status]).toEqual([path, 400]);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
    }
  });
});
