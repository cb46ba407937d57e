/**
 * Signed event content is bound to the event's organizer: only a signature by a wallet holding the
 * admin role is stored, only a newer version replaces the stored one, and oversized or malformed
 * content is refused with a code (never stored, never a 500).
 */
import { type Address, getAddress } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EventContent, MAX_IMAGE_BYTES } from "../../lib/event-content/content-schema";
import { eventContentTypedData } from "../../lib/event-content/content-signature";
import { AppError } from "../../lib/errors/app-error";
import { IN_MEMORY, openPglite } from "../db/open-pglite";
import { events } from "../db/schema";
import type { Database } from "../db/types";
import { readEventContent, readEventImage } from "./read-event-content";
import { type StoreContentDeps, storeEventContent } from "./store-event-content";

const CHAIN_ID = 31337;
const EVENT = getAddress("0x00000000000000000000000000000000000e7e01");
const organizer = privateKeyToAccount(generatePrivateKey());
const stranger = privateKeyToAccount(generatePrivateKey());

const content = (over: Partial<EventContent> = {}): EventContent => ({
  description: "An evening of synth music.",
  venue: { name: "Hall 2", address: "Main Street 1, Berlin" },
  image: null,
  timeZone: "Europe/Berlin",
  doorsOpen: 1_999_998_200,
  tierNames: ["Standing", "Balcony"],
  ...over,
});

async function signed(by: typeof organizer, version: number, c: EventContent = content()) {
  const signature = await by.signTypedData(eventContentTypedData(CHAIN_ID, EVENT, version, c));
  return { version, content: c, signature };
}

let database: Database;
let deps: StoreContentDeps;

beforeAll(async () => {
  database = await openPglite(IN_MEMORY);
  await database.db.insert(events).values({
    address: EVENT.toLowerCase(),
    eventId: 0n,
    organizer: organizer.address.toLowerCase(),
    name: "Synth Night",
    startTime: 2_000_000_000n,
    createdBlock: 1,
    createdTx: `0x${"0".repeat(64)}`,
    tierCount: 2,
  });
  deps = {
    db: database.db,
    chainId: CHAIN_ID,
    isOrganizer: async (_event: Address, account: Address) => account === organizer.address,
    now: () => new Date("2026-12-07T12:00:00Z"),
  };
});
afterAll(() => database?.close());

async function refusal(body: unknown, event: Address = EVENT) {
  try {
    await storeEventContent(deps, event, body);
  } catch (err) {
    if (err instanceof AppError) return { code: err.code, message: err.message };
    throw err;
  }
  throw new Error("stored, expected a refusal");
}

describe("storeEventContent", () => {
  it("stores the organizer's signed content and reads it back with its signer", async () => {
    const stored = await storeEventContent(deps, EVENT, await signed(organizer, 1));
    expect(stored.signer).toBe(organizer.address.toLowerCase());
    const read = await readEventContent(database.db, EVENT);
    expect(read?.version).toBe(1);
    expect(read?.content.tierNames).toEqual(["Standing", "Balcony"]);
    expect(read?.content.venue?.name).toBe("Hall 2");
  });

  it("refuses content signed by a wallet that is not the event's organizer", async () => {
    expect(await refusal(await signed(stranger, 5))).toMatchObject({ code: "NOT_ORGANIZER" });
    expect((await readEventContent(database.db, EVENT))?.version).toBe(1);
  });

  it("refuses a signature over other content than the body carries (the signer recovers as someone else)", async () => {
    const body = await signed(organizer, 6);
    const tampered = { ...body, content: content({ description: "Free entry for all" }) };
    expect(await refusal(tampered)).toMatchObject({ code: "NOT_ORGANIZER" });
  });

  it("refuses a version that is not newer than the stored one, and replaces it with a newer one", async () => {
    await storeEventContent(deps, EVENT, await signed(organizer, 3, content({ description: "v3" })));
    expect(await refusal(await signed(organizer, 3, content({ description: "v3 again" })))).toMatchObject({
      code: "STALE_VERSION",
    });
    expect(await refusal(await signed(organizer, 2, content({ description: "v2" })))).toMatchObject({
      code: "STALE_VERSION",
    });
    expect((await readEventContent(database.db, EVENT))?.content.description).toBe("v3");
    await storeEventContent(deps, EVENT, await signed(organizer, 4, content({ description: "v4" })));
    expect((await readEventContent(database.db, EVENT))?.content.description).toBe("v4");
  });

  it("refuses an image over the cap, and stores a small upload apart from the JSON", async () => {
    const big = `data:image/png;base64,${Buffer.alloc(MAX_IMAGE_BYTES + 1).toString("base64")}`;
    const over = await refusal(await signed(organizer, 10, content({ image: { kind: "upload", dataUrl: big } })));
    expect(over.code).toBe("BAD_REQUEST");
    expect(over.message).toMatch(/image/);
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    const dataUrl = `data:image/png;base64,${png.toString("base64")}`;
    await storeEventContent(deps, EVENT, await signed(organizer, 11, content({ image: { kind: "upload", dataUrl } })));
    const read = await readEventContent(database.db, EVENT);
    expect(read?.content.image).toEqual({ kind: "upload", mediaType: "image/png", bytes: png.length });
    expect((await readEventImage(database.db, EVENT))?.bytes.equals(png)).toBe(true);
  });

  it("refuses malformed content with the field named: time zone, more tier names than tiers, http image, bad signature", async () => {
    expect((await refusal(await signed(organizer, 20, content({ timeZone: "Mars/Olympus" })))).message).toMatch(
      /timeZone/,
    );
    expect((await refusal(await signed(organizer, 21, content({ tierNames: ["a", "b", "c"] })))).message).toMatch(
      /tierNames/,
    );
    expect(
      (await refusal(await signed(organizer, 22, content({ image: { kind: "url", url: "http://x.test/a.png" } }))))
        .code,
    ).toBe("BAD_REQUEST");
    expect(await refusal({ version: 23, content: content(), signature: `0x${"00".repeat(65)}` })).toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await refusal("not an object")).toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses content for an event the mirror does not know", async () => {
    const other = getAddress("0x00000000000000000000000000000000000e7e02");
    const signature = await organizer.signTypedData(eventContentTypedData(CHAIN_ID, other, 1, content()));
    expect(await refusal({ version: 1, content: content(), signature }, other)).toMatchObject({
      code: "UNKNOWN_EVENT",
    });
  });
});
