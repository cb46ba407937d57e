/**
 * The gate rush, scaled down for every run (the 50,000-ticket version is `npm run bench:gate-rush`
 * and part of `npm run test:chaos`): 60 gates on loopback, double scans, screenshots, forwarded
 * QRs and resales mid-rush; exactly one ADMIT per valid ticket, none for an invalid scan.
 */
import { describe, expect, it } from "vitest";
import { runGateRush } from "../../scripts/bench/gate-rush/run-rush";
import { chaosSeed, recordChaos } from "./chaos-profile";

// The large rush is the benchmark (scripts/bench/gate-rush.ts), which test:chaos runs after this.
const TICKETS = 2_000;

describe("gate rush", () => {
  it(`${TICKETS.toLocaleString("en")} tickets, 60 gates: one ADMIT per valid ticket, none for invalid scans`, async () => {
    const r = await runGateRush({ tickets: TICKETS, gates: 60, seed: chaosSeed }, (l) => console.log(l));
    console.log(
      `rush: ${r.scans} scans, ${r.scansPerSecond.toFixed(0)}/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms; ${JSON.stringify(r.byCategory)}`,
    );
    expect(r.serverErrorSamples).toEqual([]);
    expect(r.serverErrors).toBe(0);
    expect(r.doubleAdmitted).toEqual([]);
    expect(r.missed).toEqual([]);
    expect(r.invalidAdmits).toBe(0);
    expect(r.wrongReasons).toEqual([]);
    // Only a mirror "no" (forwarded QR, resold seller) is double-checked with ownerOf (retried up to 4 times); valid scans never call the chain.
    expect(r.rpcCalls).toBeLessThanOrEqual(4 * (r.byCategory.forwarded!.scans + r.byCategory.resoldSeller!.scans));
    for (const c of ["valid", "double", "screenshot", "forwarded", "resoldSeller", "resoldBuyer"])
      expect(r.byCategory[c]?.scans, c).toBeGreaterThan(0);
    const invalid = ["screenshot", "forwarded", "resoldSeller"].reduce((n, c) => n + r.byCategory[c]!.scans, 0);
    recordChaos({
      faultClass: "Gate rush",
      injected: `rush of ${r.scans} pass scans from 60 gates: double scans ${r.byCategory.double!.scans}, screenshots ${r.byCategory.screenshot!.scans}, forwarded QRs ${r.byCategory.forwarded!.scans}, resold mid-rush ${r.byCategory.resoldBuyer!.scans}`,
      count: r.scans,
      detail: `${r.scansPerSecond.toFixed(0)} scans/s, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (load ${r.loadAverage.map((l) => l.toFixed(1)).join("/")})`,
      lost: `nothing: ${r.admittedOnce}/${r.validTickets} valid tickets admitted exactly once, 0 of ${invalid} invalid scans admitted, 0 × 5xx`,
      checks: [
        "exactly one ADMIT per valid ticket",
        "zero ADMITs for invalid scans",
        "expected deny reasons",
        "no RPC on the hot path",
      ],
    });
  });
});
