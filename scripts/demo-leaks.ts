/**
 * Generates an event where sponsor and artist tickets leak (scripts/lib/leak-scenario.ts) on a
 * running local stack (`npm start`), waits for the indexer, and prints the leak report — the same
 * text `fairgate leaks <event>` prints.
 *
 *   npx tsx scripts/demo-leaks.ts [--rpc http://127.0.0.1:8545] [--indexer http://127.0.0.1:4100]
 */
import { parseArgs } from "node:util";
import { getAddress, type Address, type WalletClient } from "viem";
import { createIndexerClient, openOrganizerSession } from "../lib/indexer-client";
import { readFile } from "node:fs/promises";
import { DEFAULT_DEPLOYMENTS_FILE, pickDeployment } from "../lib/deployments";
import { formatLeakReport } from "./cli/leaks/format-leak-report";
import { runLeakScenario } from "./lib/leak-scenario";
import { localClients } from "./lib/local-clients";
import { waitFor } from "./lib/wait";

const { values } = parseArgs({
  options: {
    rpc: { type: "string", default: "http://127.0.0.1:8545" },
    indexer: { type: "string", default: process.env.INDEXER_URL ?? "http://127.0.0.1:4100" },
  },
});
const { publicClient, accounts, wallet } = await localClients(values.rpc!);
const file = process.env.DEPLOYMENTS_FILE ?? DEFAULT_DEPLOYMENTS_FILE;
const deployment = pickDeployment(JSON.parse(await readFile(file, "utf8")), await publicClient.getChainId(), file);
if (!deployment.market) throw new Error(`${file} names no ResaleMarket: redeploy (npm start does it).`);
const factory = getAddress(deployment.factory) as Address;
const market = getAddress(deployment.market) as Address;
const scenario = await runLeakScenario({
  publicClient,
  wallets: accounts.slice(0, 10).map((a) => wallet(a) as unknown as WalletClient),
  factory,
  market,
});
const client = createIndexerClient({ baseUrl: values.indexer! });
// The report is the organizer's (account 0): one SIWE sign-in once the indexer knows the event.
const organizer = wallet(accounts[0]!);
const signer = {
  address: accounts[0]!,
  signMessage: (message: string) => organizer.signMessage({ account: accounts[0]!, message }),
};
const session = await waitFor(
  "the indexer to see the leak event",
  async () => openOrganizerSession(values.indexer!, scenario.event, signer).catch(() => undefined),
  { timeoutMs: 60_000 },
);
const token = { token: session.token };
await waitFor(
  "the indexer to see the leaks",
  async () =>
    (await client.analytics.leaks(scenario.event, {}, token).catch(() => null))?.tickets.length ? true : undefined,
  { timeoutMs: 60_000 },
);
formatLeakReport(await client.analytics.leaks(scenario.event, {}, token)).forEach((l) => console.log(l));
