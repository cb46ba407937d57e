/**
 * Seat holds cannot be hoarded (issue 18, item 6): holds are capped per client address (one client
 * with throwaway wallets held 360 seats in 3 s) and per event (a quarter of the layout), seats
 * must be in the event's layout (999,000 was accepted), and an event without a layout has none.
 */
import { getAddress, type Address } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GateChallenge } from "../../lib/gate/challenge-message";
import { buildGateSignInMessage, type GateSignInChallenge } from "../../lib/gate/sign-in-message";
import { generateVenue } from "../../lib/seating/generate-venue";
import { buildSeatSignInMessage } from "../../lib/seating/sign-in-message";
import { SEAT_HOLD_LIMITS } from "../api/abuse-limits";
import { createTestApp, type TestApp } from "../testing/test-app";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ trustedProxyHops: 1 });
}, 60_000);
afterAll(() => t?.close());

/** A fresh event with a generated layout; answers its address and seat count. */
async function seatedEvent(
  name: string,
  venue?: { sections: number; rows: number; seatsPerRow: number },
): Promise<{ event: Address; seats: number }> {
  const event = await t.chain.createEvent(name);
  await t.sync.syncToHead();
  if (!venue) return { event, seats: 0 };
  const org = t.chain.organizer;
  const nonce = (await t.post("/gate/session/nonce", { contract: event, gateId: "organizer" }))
    .body as unknown as GateSignInChallenge;
  const message = buildGateSignInMessage(nonce, getAddress(org.account!.address));
  const session = await t.post("/gate/session", {
    message,
    signature: await org.signMessage({ account: org.account!, message }),
  });
  const put = await t.app.request(`/seats/venue?contract=${event}`, {
    method: "PUT",
    headers: { "content-type": "application/json", authorization: `Bearer ${session.body.token as string}` },
    body: JSON.stringify({ layout: generateVenue({ ...venue, tiers: 1 }) }),
  });
  const body = (await put.json()) as { seats: number };
  expect(put.status, JSON.stringify(body)).toBe(200);
  return { event, seats: body.seats };
}

/** A throwaway wallet signs in for seats from `client` (as the trusted proxy reports it). */
async function throwawaySession(event: Address, client: string): Promise<string> {
  const account = privateKeyToAccount(generatePrivateKey());
  const headers = { "x-forwarded-for": client };
  const nonce = await t.post("/seats/session/nonce", { contract: event }, headers);
  const message = buildSeatSignInMessage(nonce.body as unknown as GateChallenge, account.address);
  const res = await t.post("/seats/session", { message, signature: await account.signMessage({ message }) }, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.token as string;
}

async function hold(token: string, seats: number[], client: string, method = "POST") {
  const res = await t.app.request("/seats/holds", {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, "x-forwarded-for": client },
    body: JSON.stringify({ seats }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { seats?: number[]; released?: number[]; error?: { code: string; seats?: number[] } },
  };
}

const eight = (from: number) => Array.from({ length: 8 }, (_, i) => from + i);

describe("seat hold limits", { timeout: 120_000 }, () => {
  it(`stops one client's throwaway wallets at ${SEAT_HOLD_LIMITS.perClient} seats, and still serves another client`, async () => {
    const { event } = await seatedEvent("Hoarded Arena", { sections: 4, rows: 5, seatsPerRow: 10 }); // 204 seats: event cap 51
    const codes: (number | string)[] = [];
    let held = 0;
    for (let w = 0; w < 6; w++) {
      const r = await hold(await throwawaySession(event, "198.51.100.1"), eight(w * 8), "198.51.100.1");
      codes.push(r.status === 200 ? 200 : r.body.error!.code);
      if (r.status === 200) held += 8;
    }
    expect(codes).toEqual([200, 200, 200, "CLIENT_HOLD_LIMIT", "CLIENT_HOLD_LIMIT", "CLIENT_HOLD_LIMIT"]);
    expect(held).toBe(SEAT_HOLD_LIMITS.perClient);
    const neighbour = await hold(await throwawaySession(event, "198.51.100.2"), eight(100), "198.51.100.2");
    expect(neighbour.status).toBe(200);
  });

  it("lets a wallet renew its seats without counting them twice, and gives the client's room back on release", async () => {
    const { event } = await seatedEvent("Renewal Arena", { sections: 4, rows: 5, seatsPerRow: 10 });
    const client = "198.51.100.3";
    const tokens = [
      await throwawaySession(event, client),
      await throwawaySession(event, client),
      await throwawaySession(event, client),
    ];
    for (const [i, token] of tokens.entries()) expect((await hold(token, eight(i * 8), client)).status).toBe(200);
    expect((await hold(tokens[0]!, eight(0), client)).status).toBe(200); // renewal
    const fourth = await throwawaySession(event, client);
    expect((await hold(fourth, eight(40), client)).body.error?.code).toBe("CLIENT_HOLD_LIMIT");
    expect((await hold(tokens[1]!, eight(8), client, "DELETE")).body).toEqual({ released: eight(8) });
    expect((await hold(fourth, eight(40), client)).status).toBe(200);
  });

  it("holds at most a quarter of the event's layout, everyone together", async () => {
    const { event, seats } = await seatedEvent("Small Club", { sections: 1, rows: 4, seatsPerRow: 10 });
    const cap = Math.max(SEAT_HOLD_LIMITS.perWallet, Math.floor(seats * SEAT_HOLD_LIMITS.perEventShare));
    let next = 0;
    for (let i = 0; next + 8 <= cap; i++, next += 8)
      expect(
        (await hold(await throwawaySession(event, `198.51.101.${i}`), eight(next), `198.51.101.${i}`)).status,
      ).toBe(200);
    const late = await throwawaySession(event, "198.51.102.1");
    const over = await hold(
      late,
      Array.from({ length: cap - next + 1 }, (_, i) => next + i),
      "198.51.102.1",
    );
    expect(over).toMatchObject({ status: 429, body: { error: { code: "EVENT_HOLD_LIMIT" } } });
    expect(
      (
        await hold(
          late,
          Array.from({ length: cap - next }, (_, i) => next + i),
          "198.51.102.1",
        )
      ).status,
    ).toBe(cap === next ? 400 : 200);
  });

  it("refuses seats outside the layout, and any hold on an event without one, with a reason", async () => {
    const { event, seats } = await seatedEvent("Checked Hall", { sections: 1, rows: 2, seatsPerRow: 10 });
    const token = await throwawaySession(event, "198.51.103.1");
    expect(await hold(token, [999_000], "198.51.103.1")).toMatchObject({
      status: 400,
      body: { error: { code: "SEAT_NOT_IN_LAYOUT", seats: [999_000] } },
    });
    expect(await hold(token, [0, seats], "198.51.103.1")).toMatchObject({
      status: 400,
      body: { error: { code: "SEAT_NOT_IN_LAYOUT", seats: [seats] } },
    });
    expect((await hold(token, [seats - 1], "198.51.103.1")).status).toBe(200);

    const { event: bare } = await seatedEvent("No Map Night");
    const fan = await throwawaySession(bare, "198.51.103.2");
    expect(await hold(fan, [0], "198.51.103.2")).toMatchObject({ status: 404, body: { error: { code: "NO_LAYOUT" } } });
  });
});
