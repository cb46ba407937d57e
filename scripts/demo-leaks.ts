/**
 * Generates an event where sponsor and artist tickets leak (scripts/lib/leak-scenario.ts) on a
 * running local stack (`npm start`), waits for the indexer, and prints the leak report — the same
 * text `fairgate leaks <event>` prints.
 *
 *   npx tsx scripts/demo-leaks.ts [--rpc http://127.0.0.1:8545] [--indexer http://127.0.0.1:4100]
 */
import { parseArgs } from "node:util";
import { getAddress, type Address, type WalletClient } from "viem";
import { createIndexerClient } from "../lib/indexer-client";
import { readFile } from "node:fs/promises";
import { DEFAULT_DEPLOYMENTS_FILE, pickDeployment } from "../lib/deployments";
import { formatLeakReport } from "./cli/leaks/format-leak-report";
import { runLeakScenario } from "./lib/leak-scenario";
import { localClients } from "./lib/local-clients";
import { waitFor } from "./lib/wait";

const { values } = parseArgs({ options: { rpc: { type: "string", default: "http://127.0.0.1:8545" }, indexer: { type: "string", default: process.env.INDEXER_URL ?? "http://127.0.0.1:4100" } } });
const { publicClient, accounts, wallet } = await localClients(values.rpc!);
const file = process.env.DEPLOYMENTS_FILE ?? DEFAULT_DEPLOYMENTS_FILE;
const deployment = pickDeployment(JSON.parse(await readFile(file, "utf8")), await publicClient.getChainId(), file);
if (!deployment.market) throw new Error(`${file} names no ResaleMarket: redeploy (npm start does it).`);
const factory = getAddress(deployment.factory) as Address;
const market = getAddress(deployment.market) as Address;
const scenario = await runLeakScenario({ publicClient, wallets: accounts.slice(0, 10).map((a) => wallet(a) as unknown as WalletClient), factory, market });
const client = createIndexerClient({ baseUrl: values.indexer! });
await waitFor("the indexer to see the leak event", async () => ((await client.analytics.leaks(scenario.event).catch(() => null))?.tickets.length ? true : undefined), { timeoutMs: 60_000 });
formatLeakReport(await client.analytics.leaks(scenario.event)).forEach((l) => console.log(l));
