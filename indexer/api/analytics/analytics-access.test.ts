/**
 * Organizer analytics answer the event's organizer only (issue 18, item 8): every question under
 * /analytics/:contract/ (read from the app's own route table, so a new one is covered) refuses an
 * anonymous caller or a bad token with 401 UNAUTHORIZED, door staff and another event's organizer
 * with 403 FORBIDDEN, and answers the organizer's session. primary-sales restates chain logs and
 * stays public.
 */
import type { Address, PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IN_MEMORY, openPglite } from "../../db/open-pglite";
import type { Database } from "../../db/types";
import { openSession } from "../../gate/sessions/gate-session";
import { generateAnalyticsEvent, insertAnalyticsEvent } from "../../testing/analytics-event";
import { createApi } from "../create-api";
import { PUBLIC_ANALYTICS } from "./organizer-access";

const EVENT = "0x00000000000000000000000000000000000a11ce" as Address;
const OTHER = "0x00000000000000000000000000000000000b0b00" as Address;

let database: Database;
let app: ReturnType<typeof createApi>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  database = await openPglite(IN_MEMORY);
  const db = database.db;
  await insertAnalyticsEvent(
    db,
    generateAnalyticsEvent({ seed: 3, contract: EVENT, startTime: 2_000_000_000, fans: 20 }),
  );
  const now = () => new Date();
  app = createApi({
    db,
    now,
    corsOrigins: [],
    log: () => {},
    syncStatus: () => ({ chainId: 31337, headBlock: 0, indexedBlock: 0 }) as never,
    gate: {
      db,
      client: {} as PublicClient,
      chainId: 31337,
      siweDomains: ["localhost:3000"],
      challengeTtlSeconds: 120,
      maxIndexerLagBlocks: 2,
      maxHeadAgeMs: 5_000,
      syncStatus: () => ({}) as never,
      now,
    },
  });
  const open = async (contract: Address, role: "gate" | "admin", gateId: string) =>
    (
      await openSession(db, {
        contract,
        gateId,
        zone: 0,
        role,
        staff: "0x000000000000000000000000000000000000057a",
        now: new Date(),
        ttlSeconds: 3600,
      })
    ).token;
  tokens.organizer = await open(EVENT, "admin", "organizer");
  tokens.otherOrganizer = await open(OTHER, "admin", "organizer");
  tokens.staff = await open(EVENT, "gate", "north-1");
  tokens.forged = "x".repeat(43);
}, 60_000);
afterAll(() => database?.close());

/** Every analytics question the app serves, as a path for EVENT. */
function questions(): string[] {
  const paths = app.routes
    .filter((r) => r.method === "GET" && r.path.startsWith("/analytics/:contract/"))
    .map((r) => r.path.slice("/analytics/:contract/".length));
  return [...new Set(paths)];
}

async function ask(question: string, token?: string) {
  const res = await app.request(`/analytics/${EVENT}/${question}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
}

describe("who sees organizer analytics", () => {
  it("covers every analytics question the app registers", () => {
    expect(questions()).toEqual(
      expect.arrayContaining(["arrivals", "gates", "no-shows", "resale-prices", "hoarding", "leaks"]),
    );
  });

  it("refuses anyone but the event's organizer, with 401 or 403 and a reason code", async () => {
    for (const q of questions().filter((q) => !PUBLIC_ANALYTICS.has(q))) {
      expect(await ask(q), `${q} anonymous`).toMatchObject({ status: 401, body: { error: { code: "UNAUTHORIZED" } } });
      expect(await ask(q, tokens.forged), `${q} forged token`).toMatchObject({
        status: 401,
        body: { error: { code: "UNAUTHORIZED" } },
      });
      expect(await ask(q, tokens.staff), `${q} staff`).toMatchObject({
        status: 403,
        body: { error: { code: "FORBIDDEN" } },
      });
      expect(await ask(q, tokens.otherOrganizer), `${q} other organizer`).toMatchObject({
        status: 403,
        body: { error: { code: "FORBIDDEN" } },
      });
      expect((await ask(q, tokens.organizer)).status, `${q} organizer`).toBe(200);
    }
    // Not even whether an event exists leaks to a stranger.
    const unknown = await app.request(`/analytics/${OTHER}/gates`);
    expect(unknown.status).toBe(401);
  });

  // A dashboard asks all its questions at once, and again on every live update: the scanner's
  // per-device scan rate (a burst of 2 s of scans) once answered 429 to its own organizer.
  it("lets the organizer's dashboard ask every question many times at once (no scan-rate 429)", async () => {
    const qs = questions().filter((q) => !PUBLIC_ANALYTICS.has(q));
    const answers = await Promise.all(Array.from({ length: 10 }, () => qs.map((q) => ask(q, tokens.organizer))).flat());
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
  });

  it("keeps the questions that restate chain logs public", async () => {
    for (const q of PUBLIC_ANALYTICS) expect((await ask(q)).status, q).toBe(200);
  });
});
