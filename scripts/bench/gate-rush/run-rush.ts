/**
 * Runs one gate rush against the real HTTP API (createApi on loopback, PGlite in memory, load
 * generator in a child process) and checks it: exactly one ADMIT per valid ticket, none for a
 * screenshot, a forwarded QR or a resold ticket's seller, and no 5xx. Used by the benchmark
 * (scripts/bench/gate-rush.ts, 50,000 tickets) and the chaos suite's fast variant.
 */
import { serve, type ServerType } from "@hono/node-server";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createApi } from "../../../indexer/api/create-api";
import { IN_MEMORY, openPglite } from "../../../indexer/db/open-pglite";
import { NO_IDENTITY_RULE, type TicketFacts } from "../../../indexer/gate/facts/ticket-facts";
import { caughtUpStatus } from "../../../indexer/sync/sync-status";
import { repoRoot } from "../../lib/build-contracts";
import type { RushClientResult, RushJob } from "./rush-client";
import {
  EXPECTED_DENY,
  INVALID,
  planRush,
  RUSH_CHAIN_ID,
  RUSH_HEAD_BLOCK,
  RUSH_SLOT_SECONDS,
  type Category,
} from "./rush-plan";
import { chainlessClient } from "../../../indexer/testing/chainless-client";

export type RushOptions = { tickets: number; gates: number; seed: number };
export type RushResult = RushOptions & {
  scans: number;
  byCategory: Record<string, { scans: number; verdicts: Record<string, number> }>;
  /** Valid tickets (incl. resold ones, for their buyer) with exactly one ADMIT. */
  admittedOnce: number;
  validTickets: number;
  /** Tickets with no ADMIT, or more than one. */
  missed: number[];
  doubleAdmitted: number[];
  /** ADMITs of scans that must be refused. */
  invalidAdmits: number;
  /** Invalid scans refused with another reason than expected. */
  wrongReasons: string[];
  serverErrors: number;
  /** The first few scans that got no verdict (HTTP 5xx or a transport error), with what they got. */
  serverErrorSamples: string[];
  scansPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  ms: number;
  /** ownerOf calls: only a mirror "no" (forwarded QR, resold seller) is double-checked on chain; here the chain never answers, so the mirror stands. */
  rpcCalls: number;
  loadAverage: number[];
};

/** Steady-state facts (general zone, no identity, not cancelled), as production caches them. */
const cachedFacts: TicketFacts = {
  zones: async () => 1,
  identityCommitment: async () => null,
  cancelled: async () => false,
  identityRule: async () => NO_IDENTITY_RULE,
};

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;

export async function runGateRush(o: RushOptions, log: (line: string) => void = () => {}): Promise<RushResult> {
  const database = await openPglite(IN_MEMORY);
  const { client, rpcCalls } = chainlessClient(RUSH_CHAIN_ID, "gate rush");
  const dir = await mkdtemp(join(tmpdir(), "fairgate-rush-"));
  let server: ServerType | undefined;
  try {
    log(`seeding ${o.tickets.toLocaleString("en")} tickets and signing the rush's passes …`);
    const plan = await planRush(database.db, o);
    const fresh = caughtUpStatus({ chainId: RUSH_CHAIN_ID, block: RUSH_HEAD_BLOCK, headCheckedAt: () => Date.now() });
    const app = createApi({
      db: database.db,
      syncStatus: () => fresh,
      corsOrigins: [],
      log: (line) => console.error(`[api] ${line}`),
      gate: {
        db: database.db,
        client,
        chainId: RUSH_CHAIN_ID,
        siweDomains: ["127.0.0.1:3000"],
        challengeTtlSeconds: 120,
        maxIndexerLagBlocks: 2,
        maxHeadAgeMs: 60_000,
        syncStatus: () => fresh,
        now: () => new Date(),
        facts: cachedFacts,
        // 60 loopback gates scan far faster than a door could: the per-device limit is lifted.
        settings: { passSlotSeconds: RUSH_SLOT_SECONDS, passSkewSlots: 1, scanRatePerSecond: 1_000_000 },
      },
    });
    // Resales land mid-rush (from halfway); the tail that scans resold tickets waits for them to be applied.
    let received = 0;
    let resale: Promise<void> | undefined;
    const half = Math.floor(plan.scans.length / 2);
    const tailGuard = Math.max(0, plan.resoldFrom - o.gates - 1);
    const fetch = async (req: Request) => {
      const n = received++;
      if (n >= half) resale ??= plan.resell();
      if (n >= tailGuard) await (resale ??= plan.resell());
      return app.fetch(req);
    };
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch, hostname: "127.0.0.1", port: 0 }, () => resolve(s));
    });
    // Longer than any gap between a gate's scans: else Node closes an idle keep-alive socket just as the
    // gate reuses it (ECONNRESET, a request the server never saw), which is the client's race, not the gate's.
    (server as unknown as { keepAliveTimeout: number }).keepAliveTimeout = 120_000;
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const job: RushJob = {
      url,
      tokens: plan.tokens,
      passes: plan.scans.map((s) => s.pass),
      resultFile: join(dir, "result.json"),
    };
    await writeFile(join(dir, "job.json"), JSON.stringify(job));
    log(`rush: ${plan.scans.length.toLocaleString("en")} scans from ${o.gates} gates …`);
    const tsx = join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs");
    const child = spawn(
      process.execPath,
      ["--import", tsx, join(repoRoot, "scripts", "bench", "gate-rush", "rush-client.ts"), join(dir, "job.json")],
      { stdio: ["ignore", "inherit", "inherit"] },
    );
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    if (code !== 0) throw new Error(`rush load generator exited with ${code}`);
    const out = JSON.parse(await readFile(job.resultFile, "utf8")) as RushClientResult;

    const byCategory: RushResult["byCategory"] = {};
    const admitsOf = new Map<number, number>();
    let invalidAdmits = 0;
    let serverErrors = 0;
    const serverErrorSamples: string[] = [];
    const wrongReasons: string[] = [];
    plan.scans.forEach((s, i) => {
      const v = out.verdicts[i] ?? "NONE";
      const c = (byCategory[s.category] ??= { scans: 0, verdicts: {} });
      c.scans++;
      c.verdicts[v] = (c.verdicts[v] ?? 0) + 1;
      if (/^HTTP 5|^ERROR|^NONE/.test(v)) {
        serverErrors++;
        if (serverErrorSamples.length < 10) serverErrorSamples.push(`#${i} ${s.category} ticket ${s.tokenId}: ${v}`);
      }
      if (INVALID.has(s.category)) {
        if (v === "ADMIT") invalidAdmits++;
        else if (v !== EXPECTED_DENY[s.category] && wrongReasons.length < 20)
          wrongReasons.push(`${s.category} ticket ${s.tokenId}: ${v}`);
      } else if (v === "ADMIT") admitsOf.set(s.tokenId, (admitsOf.get(s.tokenId) ?? 0) + 1);
      else if (v !== "ALREADY_CHECKED_IN" && wrongReasons.length < 20)
        wrongReasons.push(`${s.category as Category} ticket ${s.tokenId}: ${v}`);
    });
    const missed: number[] = [];
    const doubleAdmitted: number[] = [];
    for (let id = 1; id <= o.tickets; id++) {
      const n = admitsOf.get(id) ?? 0;
      if (n === 0) missed.push(id);
      if (n > 1) doubleAdmitted.push(id);
    }
    const sorted = [...out.latenciesMs].sort((a, b) => a - b);
    return {
      ...o,
      scans: plan.scans.length,
      byCategory,
      admittedOnce: o.tickets - missed.length - doubleAdmitted.length,
      validTickets: o.tickets,
      missed: missed.slice(0, 20),
      doubleAdmitted: doubleAdmitted.slice(0, 20),
      invalidAdmits,
      wrongReasons,
      serverErrors,
      serverErrorSamples,
      scansPerSecond: (plan.scans.length / out.ms) * 1000,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      max: sorted[sorted.length - 1] ?? NaN,
      ms: out.ms,
      rpcCalls: rpcCalls(),
      loadAverage: loadavg(),
    };
  } finally {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await database.close();
    await rm(dir, { recursive: true, force: true });
  }
}
