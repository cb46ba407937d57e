/**
 * The app reads the chain only for the checks it makes before a transaction; history, listings and
 * activity come from the indexer. A log scan from the browser is unbounded (hosted providers refuse
 * `eth_getLogs` from block 0 on a long chain), so no app code may make one.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const appDir = join(import.meta.dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

// viem's and wagmi's ways to read or watch logs, and raw JSON-RPC log methods.
const LOG_READS =
  /\b(getLogs|getContractEvents|getFilterLogs|getFilterChanges|createEventFilter|createContractEventFilter|watchContractEvent|watchEvent|useWatchContractEvent|eth_getLogs|eth_newFilter)\b|fromBlock\s*:/;

describe("no log reads in the app", () => {
  it("no app source reads or watches logs (history comes from the indexer)", () => {
    const offenders = sources(appDir).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${relative(appDir, file)}:${i + 1}` }))
        .filter(({ line }) => LOG_READS.test(line))
        .map(({ at, line }) => `${at}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });

  it("the chain-reads modules are the pre-transaction checks only", async () => {
    const modules = readdirSync(import.meta.dirname).filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts"));
    expect(modules.sort()).toEqual(["read-event.ts", "read-ticket.ts", "read-waitlist.ts"]);
    const exported = Object.keys({
      ...(await import("./read-event")),
      ...(await import("./read-ticket")),
      ...(await import("./read-waitlist")),
    });
    expect(exported.filter((name) => /provenance|activity|listings|history|logs/i.test(name))).toEqual([]);
  });

  it("the pattern catches the calls it is there for", () => {
    for (const line of [
      'client.getContractEvents({ abi, eventName: "Transfer", fromBlock: 0n })',
      "await publicClient.getLogs({ address })",
      '{ method: "eth_getLogs", params }',
      "useWatchContractEvent({ abi })",
    ])
      expect(LOG_READS.test(line), line).toBe(true);
    expect(LOG_READS.test("client.multicall({ contracts })")).toBe(false);
  });
});
