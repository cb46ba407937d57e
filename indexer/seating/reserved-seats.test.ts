/**
 * Reserved seats end to end inside the indexer: the organizer's venue layout is checked against the
 * chain (tiers exist, a reserved tier has no more seats than its supply, sold seats never move),
 * seats bought with `buySeats` are read back with their section/row/seat, and the gate's ADMIT
 * names the seat.
 */
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGateSignInMessage, type GateSignInChallenge } from "../../lib/gate/sign-in-message";
import { createOfflineGate, verifySnapshot, type SignedSnapshot } from "../../lib/offline";
import { generateVenue } from "../../lib/seating/generate-venue";
import { parseVenueLayout } from "../../lib/seating/parse-layout";
import { seatTokenId } from "../../lib/seating/seat-token";
import { toRanges } from "../../lib/seating/seat-ranges";
import type { GateChallenge } from "../../lib/gate/challenge-message";
import { buildSeatSignInMessage } from "../../lib/seating/sign-in-message";
import type { VenueSeats } from "../../lib/seating/venue-layout";
import { gateFixture } from "../testing/gate-fixture";
import { createTestApp, type TestApp } from "../testing/test-app";

const LAYOUT = generateVenue({ name: "Club", sections: 2, rows: 3, seatsPerRow: 4, tiers: 1 });

describe("reserved seats in the indexer", { timeout: 120_000 }, () => {
  let t: TestApp;
  let g: ReturnType<typeof gateFixture>;
  let event: Address;
  let organizer: string;
  let venue: VenueSeats;
  let alice: Address;

  const put = async (layout: unknown) => {
    const res = await t.app.request(`/seats/venue?contract=${event}`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${organizer}` },
      body: JSON.stringify({ layout }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  };
  const label = (seat: number) => {
    const s = venue.seats.find((x) => x.tierSeat === seat)!;
    return { section: s.section, row: s.row, number: s.number };
  };

  beforeAll(async () => {
    t = await createTestApp({ scanRatePerSecond: 1_000 });
    g = gateFixture(t);
    venue = parseVenueLayout(LAYOUT);
    alice = getAddress(t.chain.alice.account!.address);
    event = await t.chain.createSeatedEvent("Seated Night", venue.seats.length);
    await g.grantGateRole(event, t.chain.bob.account!.address);
    await t.sync.syncToHead();
    const ch = (await t.post("/gate/session/nonce", { contract: event, gateId: "organizer" }))
      .body as unknown as GateSignInChallenge;
    const message = buildGateSignInMessage(ch, getAddress(t.chain.organizer.account!.address));
    organizer = (
      await t.post("/gate/session", {
        message,
        signature: await t.chain.organizer.signMessage({ account: t.chain.organizer.account!, message }),
      })
    ).body.token as string;
  });
  afterAll(() => t.close());

  it("checks a layout against the event's tiers: unknown tiers and seats past the supply are refused", async () => {
    const twoTiers = await put(generateVenue({ sections: 2, rows: 3, seatsPerRow: 4, tiers: 2 }));
    expect(twoTiers).toMatchObject({
      status: 409,
      body: { error: { code: "LAYOUT_CONFLICT", message: "tier 1 does not exist on this event" } },
    });
    const tooBig = await put(generateVenue({ sections: 3, rows: 3, seatsPerRow: 4, tiers: 1 }));
    expect(tooBig.status).toBe(409);
    expect(tooBig.body.error.message).toMatch(/^tier 0 has \d+ seats in the layout but a supply of \d+ on chain/);
    expect(await put(LAYOUT)).toMatchObject({ status: 200, body: { seats: venue.seats.length, warnings: [] } });
  });

  it("reads bought seats back with section, row and seat, in the owner's list and the ticket", async () => {
    await t.chain.buySeats(event, t.chain.alice, [0, 5]);
    await t.sync.syncToHead();
    const mine = await t.app.request(`/tickets?owner=${alice}&contract=${event}`);
    const { tickets } = (await mine.json()) as {
      tickets: { tokenId: string; tier: number; paid: boolean; seat?: unknown }[];
    };
    expect(tickets.map((x) => [x.tokenId, x.tier, x.paid, x.seat]).sort()).toEqual(
      [
        [String(seatTokenId(0, 0)), 0, true, label(0)],
        [String(seatTokenId(0, 5)), 0, true, label(5)],
      ].sort(),
    );
    const one = await t.app.request(`/tickets/${event}/${seatTokenId(0, 5)}`);
    expect(((await one.json()) as { ticket: { seat: unknown } }).ticket.seat).toEqual(label(5));
  });

  it("refuses a new layout that would move a sold seat, accepts one that keeps them", async () => {
    // Five seats per row instead of four: the tier's seat 5 lands in another row.
    const moved = await put(generateVenue({ name: "Club", sections: 2, rows: 2, seatsPerRow: 5, tiers: 1 }));
    expect(moved.status).toBe(409);
    expect(moved.body.error.message).toMatch(
      /^1 sold seat\(s\) would move: Section S1 · Row 2 · Seat 2 → Section S1 · Row 2 · Seat 1/,
    );
    expect((await put({ ...LAYOUT, name: "Club (renamed)" })).status).toBe(200);
  });

  it("names the seat on ADMIT", async () => {
    const gate = await g.gateToken(t.chain.bob, event);
    const { device } = await g.delegate(t.chain.alice, event);
    const scan = await g.passScan(gate, { pass: await g.pass(device, event, seatTokenId(0, 5)) });
    expect(scan).toMatchObject({
      status: 200,
      verdict: { result: "ADMIT", tokenId: String(seatTokenId(0, 5)), seat: label(5) },
    });
  });

  it("an offline gate's snapshot carries the seats, so an offline ADMIT names the seat too", async () => {
    const gate = await g.gateToken(t.chain.bob, event, "offline-1");
    const { device } = await g.delegate(t.chain.alice, event); // before the snapshot, which carries the delegations
    const res = await t.app.request("/gate/offline/snapshot", { headers: { authorization: `Bearer ${gate}` } });
    const signed = (await res.json()) as SignedSnapshot;
    const snapshot = await verifySnapshot(signed, signed.publicKey);
    expect(snapshot.seats?.sort()).toEqual(
      [
        [String(seatTokenId(0, 0)), label(0).section, label(0).row, label(0).number],
        [String(seatTokenId(0, 5)), label(5).section, label(5).row, label(5).number],
      ].sort(),
    );
    const offline = createOfflineGate(snapshot);
    expect(await offline.verify(await g.pass(device, event, seatTokenId(0, 0)))).toMatchObject({
      result: "ADMIT",
      seat: label(0),
    });
    // Seat 5 was admitted online before the snapshot: refused offline, as online.
    expect(await offline.verify(await g.pass(device, event, seatTokenId(0, 5)))).toMatchObject({
      result: "DENY",
      reason: "ALREADY_CHECKED_IN",
    });
  });
  it("serves sold, checked-in and the owner's seats as runs, and streams a notice on a buy and on a hold", async () => {
    const index = (seat: number) => venue.seats.find((x) => x.tierSeat === seat)!.index;
    const status = async (owner?: string) =>
      (await t.app.request(`/seats/status?contract=${event}${owner ? `&owner=${owner}` : ""}`)).json();
    expect(await status(alice)).toEqual({
      contract: event.toLowerCase(),
      seats: venue.seats.length,
      sold: toRanges([index(0), index(5)]),
      checkedIn: [index(5), 1],
      mine: toRanges([index(0), index(5)]),
    });
    expect((await status()).mine).toEqual([]);
    expect((await t.app.request(`/seats/status?contract=0x0000000000000000000000000000000000000001`)).status).toBe(404);
    expect((await t.app.request(`/seats/status?contract=nope`)).status).toBe(400);

    const res = await t.app.request(`/seats/stream?contract=${event}`);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    let buffered = "";
    const next = async (event: string) => {
      for (let i = 0; i < 50; i++) {
        const at = buffered.indexOf(`event: ${event}\n`);
        if (at >= 0) {
          const end = buffered.indexOf("\n\n", at);
          if (end >= 0) {
            const block = buffered.slice(at, end);
            buffered = buffered.slice(end + 2);
            return block;
          }
        }
        const { value, done } = await reader.read();
        if (done) throw new Error("stream ended");
        buffered += new TextDecoder().decode(value);
      }
      throw new Error(`no ${event} event`);
    };
    await next("ready");
    await t.chain.buySeats(event, t.chain.carol, [7]);
    await t.sync.syncToHead();
    expect(await next("seats")).toContain('"reason":"chain"');
    expect((await status()).sold).toEqual(toRanges([index(0), index(5), index(7)]));

    const ch = (await t.post("/seats/session/nonce", { contract: event })).body as unknown as GateChallenge;
    const message = buildSeatSignInMessage(ch, getAddress(t.chain.bob.account!.address));
    const token = (
      await t.post("/seats/session", {
        message,
        signature: await t.chain.bob.signMessage({ account: t.chain.bob.account!, message }),
      })
    ).body.token as string;
    expect((await t.post("/seats/holds", { seats: [index(9)] }, { authorization: `Bearer ${token}` })).status).toBe(
      200,
    );
    expect(await next("seats")).toContain('"reason":"holds"');
    await reader.cancel();
  });
});
