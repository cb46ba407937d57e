import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthSchema } from "../../lib/indexer-client/schemas";
import { createTestApp, type TestApp } from "../testing/test-app";

describe("HTTP API", { timeout: 60_000 }, () => {
  let t: TestApp;
  let event: Address;
  let alice: Address;

  beforeAll(async () => {
    t = await createTestApp();
    alice = getAddress(t.chain.alice.account!.address);
    event = await t.chain.createEvent("Fairgate Live");
    await t.chain.mint(event, [alice, alice, t.chain.bob.account!.address]);
    await t.sync.syncToHead();
    // Admit alice's #2, so one ticket shows checkedIn.
    const verdict = await t.scan(await t.answer(await t.challenge(event), t.chain.alice, 2n));
    expect(verdict.verdict.result).toBe("ADMIT");
  });
  afterAll(() => t.close());

  const get = async (path: string, init?: RequestInit) => {
    const res = await t.app.request(path, init);
    return { status: res.status, headers: res.headers, body: (await res.json()) as any };
  };

  it("GET /health reports sync progress", async () => {
    const res = await get("/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      chainId: t.chain.chainId,
      headBlock: expect.any(Number),
      indexedBlock: res.body.headBlock,
      lagBlocks: 0,
      lagMs: 0,
      ok: true,
      role: "leader",
      backfill: null,
      rangeCap: null,
    });
    expect(healthSchema.parse(res.body)).toBeTruthy();
  });

  it("GET /tickets lists an owner's tickets with event name and check-in state", async () => {
    // Lowercase input is accepted and normalised.
    const res = await get(`/tickets?owner=${alice.toLowerCase()}`);
    expect(res.status).toBe(200);
    expect(res.body.owner).toBe(alice);
    expect(res.body.tickets).toEqual([
      expect.objectContaining({
        contract: event,
        tokenId: "1",
        owner: alice,
        eventName: "Fairgate Live",
        checkedIn: false,
        checkedInAt: null,
      }),
      expect.objectContaining({
        contract: event,
        tokenId: "2",
        owner: alice,
        eventName: "Fairgate Live",
        checkedIn: true,
        checkedInAt: expect.any(String),
      }),
    ]);
    expect((await get(`/tickets?owner=${alice}&limit=1&offset=1`)).body.tickets.map((x: any) => x.tokenId)).toEqual([
      "2",
    ]);
  });

  it("GET /events lists events with ticket counts", async () => {
    const res = await get("/events");
    expect(res.status).toBe(200);
    expect(res.body.events).toEqual([
      expect.objectContaining({
        address: event,
        name: "Fairgate Live",
        eventId: "0",
        ticketCount: 3,
        startTime: "2000000000",
      }),
    ]);
  });

  it("rejects a bad owner with 400 INVALID_ADDRESS", async () => {
    for (const q of ["owner=not-an-address", "owner=0x123", "", `owner=0x${"g".repeat(40)}`, "owner[]=x"]) {
      const res = await get(`/tickets?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code, q).toBe("INVALID_ADDRESS");
    }
    const page = await get(`/tickets?owner=${alice}&limit=100000`);
    expect(page).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
  });

  it("answers hostile, malformed and oversized POST bodies with 4xx JSON", async () => {
    const cases: [string, number, string][] = [
      ["{not json", 400, "INVALID_JSON"],
      ["", 400, "INVALID_JSON"],
      ['{"__proto__":{"admin":true},"contract":"0x0","gateId":"g"}', 400, "BAD_REQUEST"],
      [JSON.stringify({ contract: event, gateId: "line\nbreak" }), 400, "BAD_REQUEST"],
      [JSON.stringify({ contract: event, gateId: "g", domain: "evil.example" }), 400, "BAD_REQUEST"],
      [JSON.stringify({ contract: "0x000000000000000000000000000000000000dEaD", gateId: "g" }), 404, "UNKNOWN_EVENT"],
      ["[".repeat(5_000) + "]".repeat(5_000), 400, "BAD_REQUEST"],
      [JSON.stringify({ contract: event, gateId: "g", pad: "x".repeat(20_000) }), 413, "PAYLOAD_TOO_LARGE"],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.post("/gate/challenge", body);
      expect(res.status, body.slice(0, 40)).toBe(status);
      expect((res.body as any).error.code, body.slice(0, 40)).toBe(code);
    }
    expect(Object.hasOwn({}, "admin")).toBe(false);
  });

  it("answers unknown routes with a JSON 404", async () => {
    expect(await get("/nope")).toMatchObject({ status: 404, body: { error: { code: "NOT_FOUND" } } });
    expect(await get("/tickets", { method: "DELETE" })).toMatchObject({ status: 404 });
  });

  it("allows the app's origin through CORS", async () => {
    const res = await t.app.request("/tickets", {
      method: "OPTIONS",
      headers: { origin: "http://localhost:3000", "access-control-request-method": "GET" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    const get = await t.app.request("/health", { headers: { origin: "http://localhost:3000" } });
    expect(get.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(get.headers.get("vary")).toContain("Origin");
    const other = await t.app.request(`/health`, { headers: { origin: "http://evil.example" } });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
    // The headers ride along on error answers too (the app reads their messages).
    const missing = await t.app.request("/nope", { headers: { origin: "http://localhost:3000" } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    const preflight = await t.app.request("/gate/pass/scan", {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:3000",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type, x-fairgate-time",
      },
    });
    expect(preflight.headers.get("access-control-allow-headers")).toBe("authorization,content-type,x-fairgate-time");
    // And on the live change stream, which the app opens from its own origin.
    const stream = await t.app.request("/stream", { headers: { origin: "http://localhost:3000" } });
    expect(stream.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    await stream.body?.cancel();
  });

  it("reports an unhealthy sync with 503 and lastError", async () => {
    const real = t.sync.status();
    const app = (await import("./create-api")).createApi({
      db: t.database.db,
      syncStatus: () => ({ ...real, ok: false, lastError: "HTTP request failed." }),
      gate: t.gate,
      corsOrigins: [],
      log: () => {},
    });
    const res = await app.request("/health");
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ ok: false, lastError: "HTTP request failed." });
  });
});
