/**
 * `npm start` as a newcomer runs it: the whole stack comes up, prints where to click, serves
 * the app and the indexer, and Ctrl-C stops every process it started.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../scripts/lib/build-contracts";
import { ProcessGroup, type ManagedProcess } from "../../scripts/lib/process-group";
import { freePort, portIsFree, waitFor } from "../../scripts/lib/wait";

const group = new ProcessGroup();
let start: ManagedProcess;
let dataDir: string;
const ports = { chain: 0, indexer: 0, app: 0 };

beforeAll(async () => {
  ports.chain = await freePort();
  ports.indexer = await freePort();
  ports.app = await freePort();
  dataDir = await mkdtemp(join(tmpdir(), "fairgate-start-"));
  start = group.start("npm start", process.execPath, [join(repoRoot, "scripts", "bootstrap.mjs"), "start"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      CHAIN_PORT: String(ports.chain),
      INDEXER_PORT: String(ports.indexer),
      APP_PORT: String(ports.app),
      FAIRGATE_DATA_DIR: dataDir,
    },
  });
  await waitFor(
    "npm start to print its summary",
    async () => {
      if (start.child.exitCode !== null) throw new Error(`npm start exited early:\n${start.output.join("\n")}`);
      return start.output.some((l) => l.includes("Fairgate is running")) ? true : undefined;
    },
    // A production build when app/ or lib/ changed since the last one: minutes on a busy two-core machine.
    { timeoutMs: 900_000, intervalMs: 500 },
  );
}, 960_000);

afterAll(async () => {
  await group.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("prints the URLs and which test account holds which ticket", () => {
    const text = start.output.join("\n");
    expect(text).toContain(`http://127.0.0.1:${ports.app}`);
    expect(text).toContain(`http://127.0.0.1:${ports.indexer}`);
    expect(text).toMatch(/Holder\s+account #1 0x[0-9a-fA-F]{40}\s+tickets #1, #2/);
  });

  it("serves the app page from the production build, not next dev", async () => {
    const res = await fetch(`http://127.0.0.1:${ports.app}/`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Fairgate");
    expect(start.output.join("\n")).toContain("Building the app");
    // `next start` serves the build in .next, whose id is in every page; `next dev` has none.
    expect(html).toContain((await readFile(join(repoRoot, ".next", "BUILD_ID"), "utf8")).trim());
  });

  it("serves the demo tickets from the indexer", async () => {
    const text = start.output.join("\n");
    const holder = /Holder\s+account #1 (0x[0-9a-fA-F]{40})/.exec(text)![1]!;
    const demo = /Demo event "[^"]+" at (0x[0-9a-fA-F]{40})/.exec(text)![1]!;
    const tiered = /Tiered event "[^"]+" at (0x[0-9a-fA-F]{40})/.exec(text)![1]!;
    const res = await fetch(`http://127.0.0.1:${ports.indexer}/tickets?owner=${holder}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      tickets: { contract: string; tokenId: string; seat?: { section: string; row: string; number: number } }[];
    };
    // Account #1 holds tickets #1 and #2 of the demo event and bought #1 of the tiered event, as printed.
    const ids = (contract: string) =>
      body.tickets
        .filter((t) => t.contract.toLowerCase() === contract.toLowerCase())
        .map((t) => t.tokenId)
        .sort();
    expect(ids(demo)).toEqual(["1", "2"]);
    expect(ids(tiered)).toEqual(["1"]);
    expect(text).toMatch(/Buyer\s+account #1 0x[0-9a-fA-F]{40}\s+tickets #1/);
    // …and two reserved seats of the arena, named by the venue layout uploaded at start.
    const seated = /Seated event "[^"]+" at (0x[0-9a-fA-F]{40})/.exec(text)![1]!;
    const seats = body.tickets.filter((t) => t.contract.toLowerCase() === seated.toLowerCase());
    expect(seats.map((t) => t.seat)).toEqual([
      { section: "S1", row: "1", number: 1 },
      { section: "S1", row: "1", number: 2 },
    ]);
  });

  it("stops every process on Ctrl-C", async () => {
    process.kill(-start.child.pid!, "SIGINT");
    await waitFor(
      "npm start to exit",
      async () => (start.child.exitCode !== null || start.child.signalCode !== null ? true : undefined),
      {
        timeoutMs: 30_000,
      },
    );
    for (const port of Object.values(ports)) {
      await waitFor(`port ${port} to be released`, async () => ((await portIsFree(port)) ? true : undefined), {
        timeoutMs: 15_000,
      });
    }
  });
});
