/**
 * `/seats` over HTTP against a real in-process chain: a fan signs in with SIWE (the nonce works
 * once), holds seats, another fan is refused those seats with their list, reads show holds without
 * holders, and a release frees them. Without a session nothing is held.
 */
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GateChallenge } from "../../lib/gate/challenge-message";
import { buildGateSignInMessage, type GateSignInChallenge } from "../../lib/gate/sign-in-message";
import { generateVenue } from "../../lib/seating/generate-venue";
import { buildSeatSignInMessage } from "../../lib/seating/sign-in-message";
import { createTestApp, type TestApp } from "../testing/test-app";

describe("seat holds over HTTP", { timeout: 60_000 }, () => {
  let t: TestApp;
  let event: Address;

  beforeAll(async () => {
    t = await createTestApp();
    event = await t.chain.createEvent("Seated Show");
    await t.sync.syncToHead();
    // Holds need the event's layout (seat-hold-limits.test.ts): the organizer sets one first.
    const ch = (await t.post("/gate/session/nonce", { contract: event, gateId: "organizer" }))
      .body as unknown as GateSignInChallenge;
    const message = buildGateSignInMessage(ch, getAddress(t.chain.organizer.account!.address));
    const org = await t.post("/gate/session", {
      message,
      signature: await t.chain.organizer.signMessage({ account: t.chain.organizer.account!, message }),
    });
    const put = await t.app.request(`/seats/venue?contract=${event}`, {
      method: "PUT",
      headers: { "content-type": "application/json", authorization: `Bearer ${org.body.token as string}` },
      body: JSON.stringify({ layout: generateVenue({ sections: 4, rows: 5, seatsPerRow: 10, tiers: 1 }) }),
    });
    expect(put.status).toBe(200);
  });
  afterAll(() => t.close());

  async function signIn(wallet: typeof t.chain.alice) {
    const ch = (await t.post("/seats/session/nonce", { contract: event })).body as unknown as GateChallenge;
    const message = buildSeatSignInMessage(ch, getAddress(wallet.account!.address));
    const signature = await wallet.signMessage({ account: wallet.account!, message });
    const res = await t.post("/seats/session", { message, signature });
    return { res, message, signature, token: res.body.token as string };
  }
  const request = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await t.app.request(path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it("signs a fan in once per nonce, holds seats, and refuses them to another fan with the list", async () => {
    const alice = await signIn(t.chain.alice);
    expect(alice.res.status).toBe(200);
    expect(alice.res.body).toMatchObject({ wallet: getAddress(t.chain.alice.account!.address), contract: event });
    const replay = await t.post("/seats/session", { message: alice.message, signature: alice.signature });
    expect(replay.status).toBe(409);

    expect((await request("POST", "/seats/holds", alice.token, { seats: [5, 6] })).body).toMatchObject({
      seats: [5, 6],
    });
    const bob = await signIn(t.chain.bob);
    const refused = await request("POST", "/seats/holds", bob.token, { seats: [6, 7] });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: "SEATS_TAKEN", seats: [6] } } });

    const anyone = await request("GET", `/seats/holds?contract=${event}`);
    expect(anyone.body.holds.map((h: { seat: number; mine: boolean }) => [h.seat, h.mine])).toEqual([
      [5, false],
      [6, false],
    ]);
    expect(JSON.stringify(anyone.body).toLowerCase()).not.toContain(
      t.chain.alice.account!.address.slice(2).toLowerCase(),
    );
    const mine = await request("GET", `/seats/holds?contract=${event}`, alice.token);
    expect(mine.body.holds.every((h: { mine: boolean }) => h.mine)).toBe(true);

    expect((await request("DELETE", "/seats/holds", alice.token, { seats: [6] })).body).toEqual({ released: [6] });
    expect((await request("POST", "/seats/holds", bob.token, { seats: [6, 7] })).body).toMatchObject({ seats: [6, 7] });
  });

  it("holds nothing without a valid session, and refuses bad input in words", async () => {
    expect(await request("POST", "/seats/holds", undefined, { seats: [1] })).toMatchObject({
      status: 401,
      body: { error: { code: "UNAUTHORIZED" } },
    });
    expect(await request("POST", "/seats/holds", "x".repeat(43), { seats: [1] })).toMatchObject({ status: 401 });
    const alice = await signIn(t.chain.alice);
    expect((await request("POST", "/seats/holds", alice.token, { seats: [] })).status).toBe(400);
    expect((await request("POST", "/seats/holds", alice.token, { seats: ["A1"] })).status).toBe(400);
    expect((await request("GET", "/seats/holds?contract=nope")).status).toBe(400);
    expect(
      (await t.post("/seats/session/nonce", { contract: "0x0000000000000000000000000000000000000001" })).status,
    ).toBe(404);
  });

  it("lets the organizer set the venue (JSON or CSV, problems listed) and anyone read it", async () => {
    const organizerToken = async (wallet: typeof t.chain.alice) => {
      const ch = (await t.post("/gate/session/nonce", { contract: event, gateId: "organizer" }))
        .body as unknown as GateSignInChallenge;
      const message = buildGateSignInMessage(ch, getAddress(wallet.account!.address));
      const res = await t.post("/gate/session", {
        message,
        signature: await wallet.signMessage({ account: wallet.account!, message }),
      });
      return res.body.token as string | undefined;
    };
    const org = await organizerToken(t.chain.organizer);
    expect(org).toBeTruthy();
    const put = (token: string | undefined, body: unknown) =>
      request("PUT", `/seats/venue?contract=${event}`, token, body);

    const arena = generateVenue({ sections: 4, rows: 5, seatsPerRow: 10, tiers: 1 }); // the event has one tier
    expect((await put(org, { layout: arena })).body).toMatchObject({
      contract: event,
      name: "Generated arena",
      seats: 4 * (5 * 10 + 1),
    });
    const read = await request("GET", `/seats/venue?contract=${event}`);
    expect(read.body).toMatchObject({ seats: 204, layout: { name: "Generated arena" } });
    expect(read.body.layout.sections).toHaveLength(4);

    const bad = await put(org, {
      layout: {
        name: "Bad",
        sections: [
          {
            id: "A",
            tier: 0,
            rows: [
              {
                id: "1",
                seats: [
                  { number: 1, x: 0, y: 0 },
                  { number: 1, x: 1, y: 0 },
                ],
              },
            ],
          },
        ],
      },
    });
    expect(bad).toMatchObject({
      status: 400,
      body: { error: { code: "BAD_LAYOUT", problems: [{ where: "sections[0].rows[0].seats[1]" }] } },
    });
    const csv = await put(org, { name: "Club", csv: "section,row,seat,x,y,tier\nFloor,A,1,0,0,0\nFloor,A,2,1,0,0\n" });
    expect(csv.body).toMatchObject({ name: "Club", seats: 2 });

    // Someone who is not the organizer (a fan's seat session or no session) cannot.
    const fan = await signIn(t.chain.alice);
    expect((await put(fan.token, { layout: arena })).status).toBe(401);
    expect((await put(undefined, { layout: arena })).status).toBe(401);
    // No layout (general admission) is an answer: 200 and null.
    const none = await request("GET", `/seats/venue?contract=0x0000000000000000000000000000000000000001`);
    expect({ status: none.status, body: none.body }).toEqual({ status: 200, body: null });
  });
});
