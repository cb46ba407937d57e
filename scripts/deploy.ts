/**
 * Puts Multicall3 at its canonical address, deploys the ResaleMarket (+ Waitlist) and the TicketFactory to the
 * local node, and records them in the deployments file the indexer and the app read. Always deploys (a restarted
 * local node has no code); for any other network, and for idempotent deploys, use `fairgate deploy` (scripts/cli/deploy/).
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { DEFAULT_DEPLOYMENTS_FILE, deploymentsFileSchema, type Deployment } from "../lib/deployments";
import { deployFairgate } from "../lib/deploy/deploy-fairgate";
import { installMulticall3 } from "../lib/multicall3";
import { localClients } from "./lib/local-clients";

/** `metadataBase`: URL every event's tokenURI / contractURI starts with (`npm start` passes the indexer's). */
export async function deployLocal(options: {
  rpcUrl: string;
  deploymentsFile?: string;
  metadataBase?: string;
}): Promise<Deployment> {
  const file = resolve(options.deploymentsFile ?? DEFAULT_DEPLOYMENTS_FILE);
  const { publicClient, accounts, wallet, chain } = await localClients(options.rpcUrl);
  // The app batches its chain reads through Multicall3, which real chains have and a fresh node lacks.
  await installMulticall3(publicClient);
  const d = await deployFairgate({
    publicClient,
    wallet: wallet(accounts[0]!),
    account: accounts[0]!,
    chain,
    metadataBase: options.metadataBase,
  });
  const deployment: Deployment = {
    chainId: chain.id,
    factory: d.factory,
    market: d.market,
    waitlist: d.waitlist,
    fromBlock: d.fromBlock,
    deployedAt: new Date().toISOString(),
    deployer: accounts[0]!,
    txHash: d.factoryTxHash,
  };
  const existing = await readFile(file, "utf8").then(
    (s) => deploymentsFileSchema.parse(JSON.parse(s)),
    () => ({}),
  );
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ ...existing, [chain.id]: deployment }, null, 2)}\n`);
  return deployment;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const deployment = await deployLocal({
    rpcUrl: process.env.RPC_URL ?? "http://127.0.0.1:8545",
    deploymentsFile: process.env.DEPLOYMENTS_FILE,
  });
  console.log(`TicketFactory ${deployment.factory} on chain ${deployment.chainId} (block ${deployment.fromBlock})`);
}
