/**
 * Scanner sessions: the right session per token even when many are first read in one batch, a
 * revocation made on another instance refuses the scanner within CACHE_MS (and no sooner is
 * promised), the background refresh keeps a busy gate from waiting without stretching that bound,
 * and a revocation on this instance is immediate.
 */
import { eq } from "drizzle-orm";
import { getAddress } from "viem";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { IN_MEMORY, openPglite } from "../../db/open-pglite";
import { gateSessions } from "../../db/schema";
import type { Database } from "../../db/types";
import { chainlessClient } from "../../testing/chainless-client";
import { createGateContext, type GateContext } from "../gate-context";
import { authenticate, CACHE_MS, forgetSessions } from "./authenticate";
import { openSession } from "./gate-session";

const EVENT = getAddress("0x5fbdb2315678afecb367f032aa2e9bd2a4f6b4b7");

describe("gate session authentication", () => {
  let database: Database;
  let ctx: GateContext;
  let t = Date.parse("2026-12-07T10:00:00Z");
  const at = (ms: number) => {
    t = ms;
    vi.setSystemTime(t);
  };

  beforeAll(async () => {
    database = await openPglite(IN_MEMORY);
    ctx = createGateContext({
      db: database.db,
      client: chainlessClient(31337, "auth-test").client,
      chainId: 31337,
      siweDomains: ["127.0.0.1:3000"],
      challengeTtlSeconds: 120,
      maxIndexerLagBlocks: 2,
      maxHeadAgeMs: 60_000,
      syncStatus: () => {
        throw new Error("not used");
      },
      now: () => new Date(t),
      settings: { scanRatePerSecond: 1_000_000 },
    });
  });
  afterEach(() => vi.useRealTimers());
  afterAll(async () => database?.close());

  const open = (gateId: string) =>
    openSession(database.db, {
      contract: EVENT,
      gateId,
      zone: 0,
      role: "gate",
      staff: `staff:${gateId}`,
      now: new Date(t),
      ttlSeconds: 3600,
    });
  const revokeInDb = (tokenHash: string) =>
    database.db
      .update(gateSessions)
      .set({ revokedAt: new Date(t) })
      .where(eq(gateSessions.tokenHash, tokenHash));
  const auth = (token: string) => authenticate(ctx, `Bearer ${token}`);
  const refused = (token: string) =>
    auth(token).then(
      () => "accepted",
      (e: { reason?: string }) => e.reason,
    );

  it("60 sessions read together each get their own, and an unknown token is refused", async () => {
    const opened = await Promise.all(Array.from({ length: 60 }, (_, i) => open(`batch-${i}`)));
    const got = await Promise.all(opened.map((s) => auth(s.token)));
    expect(got.map((s) => s.gateId)).toEqual(opened.map((s) => s.gateId));
    expect(
      got.every(
        (s, i) =>
          s.tokenHash === opened[i]!.tokenHash &&
          s.contract === EVENT &&
          s.expiresAt.getTime() === opened[i]!.expiresAt.getTime(),
      ),
    ).toBe(true);
    expect(await refused("x".repeat(43))).toBe("GATE_UNAUTHORIZED");
  });

  it("a revocation on another instance refuses the scanner once CACHE_MS has passed since the last read", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at(Date.parse("2026-12-07T11:00:00Z"));
    const s = await open("revoked-elsewhere");
    expect((await auth(s.token)).gateId).toBe("revoked-elsewhere"); // read at t0
    const t0 = t;
    await revokeInDb(s.tokenHash);
    at(t0 + 1_000);
    expect(await refused(s.token)).toBe("accepted"); // cached: the bound is CACHE_MS, not zero
    at(t0 + CACHE_MS + 1);
    expect(await refused(s.token)).toBe("GATE_UNAUTHORIZED");
  });

  it("a busy gate is answered from its entry while a background read renews it, and that read sees a revocation", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at(Date.parse("2026-12-07T12:00:00Z"));
    const s = await open("busy");
    await auth(s.token);
    const t0 = t;
    await revokeInDb(s.tokenHash);
    // Past the refresh point but inside CACHE_MS: answered at once from the entry, and a re-read starts.
    at(t0 + CACHE_MS - 500);
    expect(await refused(s.token)).toBe("accepted");
    await vi.waitFor(async () => expect(await refused(s.token)).toBe("GATE_UNAUTHORIZED"), {
      timeout: 2_000,
      interval: 5,
    });
  });

  it("a renewed entry keeps a live session answering past CACHE_MS without a wait", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at(Date.parse("2026-12-07T13:00:00Z"));
    const s = await open("renewed");
    await auth(s.token);
    const t0 = t;
    at(t0 + CACHE_MS - 500);
    await auth(s.token); // starts the re-read
    await new Promise((r) => setTimeout(r, 50));
    await revokeInDb(s.tokenHash); // after the re-read: the renewed entry stands until CACHE_MS after it
    at(t0 + CACHE_MS + 1);
    expect(await refused(s.token)).toBe("accepted");
    at(t0 + 2 * CACHE_MS);
    expect(await refused(s.token)).toBe("GATE_UNAUTHORIZED");
  });

  it("forgetSessions (a revocation on this instance) takes effect at once", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    at(Date.parse("2026-12-07T14:00:00Z"));
    const s = await open("local");
    await auth(s.token);
    at(t + 1_000);
    await revokeInDb(s.tokenHash);
    forgetSessions(ctx);
    expect(await refused(s.token)).toBe("GATE_UNAUTHORIZED");
  });
});
