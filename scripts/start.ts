/**
 * `npm start`: the whole Fairgate stack on this machine, one progress line per step:
 * contracts → app build (when stale) → local chain → demo events → indexer → app (`next start`).
 * Ctrl-C (or any child dying) stops everything.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { LOCAL_CHAIN_ID } from "../lib/chain";
import { deployLocal } from "./deploy";
import { createSeatedDemoEvent, uploadSeatedDemoVenue, type SeatedDemoEvent } from "./demo-seated-event";
import { createStablecoinDemoEvent } from "./demo-stablecoin-event";
import { recordCurrency } from "./lib/record-currency";
import { createDemoEvent, type DemoEvent } from "./demo-data";
import { createTieredDemoEvent, type TieredDemoEvent } from "./demo-tiered-event";
import { ensureAppBuild, NEXT_ENV, nextBin } from "./lib/app-build";
import { buildContracts, repoRoot } from "./lib/build-contracts";
import { indexerCommand } from "./lib/indexer-command";
import { grantLocalGateSigner, LOCAL_GATE_SIGNER_INDEX } from "./lib/local-gate-signer";
import { ProcessGroup, whileAlive } from "./lib/process-group";
import { portIsFree, waitForHttp, waitForRpc } from "./lib/wait";

const ports = {
  chain: Number(process.env.CHAIN_PORT ?? 8545),
  indexer: Number(process.env.INDEXER_PORT ?? 4100),
  app: Number(process.env.APP_PORT ?? 3000),
};
const host = "127.0.0.1";
const rpcUrl = `http://${host}:${ports.chain}`;
const indexerUrl = `http://${host}:${ports.indexer}`;
const appUrl = `http://${host}:${ports.app}`;
const dataDir = process.env.FAIRGATE_DATA_DIR ?? join(repoRoot, "data", "local");
const deploymentsFile = join(dataDir, "deployments.json");
const verbose = process.env.VERBOSE === "1";

let shuttingDown = false;
const group = new ProcessGroup({
  onUnexpectedExit: (p, code, signal) => {
    if (shuttingDown) return;
    console.error(`\n✖ ${p.name} stopped (${signal ?? `exit ${code}`}). Its last output:`);
    for (const line of p.output.slice(-25)) console.error(`  ${line}`);
    void shutdown(1);
  },
});

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    console.log("\nStopping Fairgate …");
    await group.stop();
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  process.stdout.write(`• ${label} … `);
  try {
    const value = await fn();
    process.stdout.write(`done (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    return value;
  } catch (error) {
    process.stdout.write("failed\n");
    throw error;
  }
}

async function main(): Promise<void> {
  for (const [what, port] of Object.entries(ports)) {
    if (!(await portIsFree(port))) {
      throw new Error(
        `Port ${port} (${what}) is in use. Is Fairgate already running? Override with ${what.toUpperCase()}_PORT=…`,
      );
    }
  }

  await step("Compiling contracts", buildContracts);
  // The product as it ships, not `next dev`: built once, reused while app/ and lib/ are unchanged.
  const build = await step("Building the app (skipped when the last build is newer than its sources)", ensureAppBuild);
  if (!build.built) console.log("  (app build up to date)");

  const chain = group.start(
    "chain",
    process.execPath,
    [
      join(repoRoot, "node_modules", "hardhat", "dist", "src", "cli.js"),
      "node",
      "--hostname",
      host,
      "--port",
      String(ports.chain),
    ],
    {
      cwd: repoRoot,
      echo: verbose,
    },
  );
  await step(`Starting local chain on ${rpcUrl}`, () => whileAlive(chain, waitForRpc(rpcUrl, 60_000)));

  // A fresh chain each run, so the mirror starts fresh too.
  await rm(dataDir, { recursive: true, force: true });
  const deployment = await step("Deploying contracts", () =>
    deployLocal({ rpcUrl, deploymentsFile, metadataBase: indexerUrl }),
  );
  const demo = await step("Creating the demo event and minting tickets", () =>
    createDemoEvent({ rpcUrl, factory: deployment.factory as `0x${string}` }),
  );
  const tiered = await step("Creating a tiered demo event (general, VIP, backstage)", () =>
    createTieredDemoEvent({ rpcUrl, factory: deployment.factory as `0x${string}` }),
  );
  const stablecoin = await step(
    "Creating a stablecoin demo event (mock USD with permit; fans #1–#4 hold 1,000 mUSD)",
    () => createStablecoinDemoEvent({ rpcUrl, factory: deployment.factory as `0x${string}` }),
  );
  // The create form offers it by name beside ETH.
  await recordCurrency(deploymentsFile, LOCAL_CHAIN_ID, {
    symbol: stablecoin.symbol,
    address: stablecoin.token,
    decimals: stablecoin.decimals,
  });
  const seated = await step("Creating a reserved-seating demo event (an arena; fan #1 holds two seats)", () =>
    createSeatedDemoEvent({ rpcUrl, factory: deployment.factory as `0x${string}` }),
  );

  // The gate admits at once; the batcher writes the admissions on chain (EventTicket.checkIn) a few seconds later.
  const gateSigner = await step(
    `Granting the check-in signer (account #${LOCAL_GATE_SIGNER_INDEX}) GATE_ROLE on the demo events`,
    () => grantLocalGateSigner(rpcUrl, [demo.ticket, tiered.ticket, stablecoin.ticket, seated.ticket]),
  );

  const env = {
    ...process.env,
    RPC_URL: rpcUrl,
    CHAIN_ID: String(LOCAL_CHAIN_ID),
    DEPLOYMENTS_FILE: deploymentsFile,
    DATA_DIR: join(dataDir, "pglite"),
    HOST: host,
    PORT: String(ports.indexer),
    INDEXER_URL: indexerUrl,
    SIWE_DOMAINS: `${host}:${ports.app},localhost:${ports.app}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const launch = indexerCommand();
  const indexer = group.start("indexer", launch.command, launch.args, {
    cwd: repoRoot,
    env: { ...env, ...gateSigner.indexerEnv, ...launch.env },
    echo: verbose,
  });
  await step(`Starting indexer on ${indexerUrl}`, () => whileAlive(indexer, waitForIndexed(indexerUrl)));
  await step("Checking the check-in batcher runs", () =>
    whileAlive(indexer, waitForDuty(indexerUrl, "check-in batcher")),
  );
  await step("Uploading the arena's seat map", () =>
    uploadSeatedDemoVenue({ rpcUrl, indexerUrl, appHost: `${host}:${ports.app}`, ticket: seated.ticket }),
  );

  const app = group.start(
    "app",
    process.execPath,
    [nextBin, "start", "--hostname", host, "--port", String(ports.app)],
    { cwd: repoRoot, env: { ...env, ...NEXT_ENV, PORT: String(ports.app) }, echo: verbose },
  );
  await step(`Starting app on ${appUrl}`, () => whileAlive(app, waitForHttp(appUrl, 180_000)));

  printSummary(demo, tiered, seated, gateSigner.signer);
}

/** Waits until the indexer answers /health and has caught up with the chain head. */
function waitForIndexed(url: string) {
  return waitForHttp(`${url}/health`, 60_000).then(async () => {
    for (let i = 0; i < 300; i++) {
      const health = (await (await fetch(`${url}/health`)).json()) as { lagBlocks?: number };
      if (health.lagBlocks === 0) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error("indexer did not catch up with the chain within 60 s");
  });
}

/** Waits until the indexer's /health lists `duty` among the leader-only jobs it runs. */
async function waitForDuty(url: string, duty: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const health = (await (await fetch(`${url}/health`)).json()) as { duties?: string[] };
    if (health.duties?.includes(duty)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the indexer does not run the ${duty} (GET ${url}/health lists its duties)`);
}

function printSummary(demo: DemoEvent, tiered: TieredDemoEvent, seated: SeatedDemoEvent, gateSigner: string): void {
  const line = "─".repeat(72);
  console.log(`\n${line}`);
  console.log("  Fairgate is running.\n");
  console.log(`  App        ${appUrl}      ← open this; connect "Local test account" #1–#3`);
  console.log(`  Indexer    ${indexerUrl}      (GET /health, /tickets?owner=0x…)`);
  console.log(`  Chain      ${rpcUrl}      (Hardhat, chain id ${LOCAL_CHAIN_ID})`);
  console.log(`\n  Demo event "${demo.name}" at ${demo.ticket}`);
  console.log(`  Organizer  account #0 ${demo.organizer}`);
  for (const h of demo.holders) {
    console.log(
      `  Holder     account #${h.accountIndex} ${h.account}  tickets ${h.tokenIds.map((id) => `#${id}`).join(", ")}`,
    );
  }
  console.log(`\n  Tiered event "${tiered.name}" at ${tiered.ticket}  (${appUrl}/events/${tiered.ticket})`);
  console.log(
    `  Buyer      account #${tiered.buyer.accountIndex} ${tiered.buyer.account}  tickets ${tiered.buyer.tokenIds.map((id) => `#${id}`).join(", ")}`,
  );
  console.log(
    `\n  Seated event "${seated.name}" at ${seated.ticket}  (${appUrl}/events/${seated.ticket}/seats, ${seated.seats.toLocaleString("en")} seats)`,
  );
  console.log(`  Fan        account #1 ${seated.fan.account}  holds two seats`);
  console.log(`  Organizer  account #0 manages them all at ${appUrl}/organizer`);
  console.log(
    `\n  Check-ins  batcher on: account #${LOCAL_GATE_SIGNER_INDEX} ${gateSigner} (GATE_ROLE on every demo event) writes gate admissions on chain`,
  );
  console.log("\n  Hardhat's well-known test accounts: local chain only, never use them elsewhere.");
  console.log("  Press Ctrl-C to stop everything.");
  console.log(`${line}\n`);
}

main().catch(async (error) => {
  console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
});
