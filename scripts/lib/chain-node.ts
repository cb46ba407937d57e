/** A real Hardhat node process on a free loopback port with the TicketFactory deployed. */
import { join } from "node:path";
import type { Address } from "viem";
import { deployLocal } from "../deploy";
import { repoRoot } from "./build-contracts";
import { type ProcessGroup, whileAlive } from "./process-group";
import { freePort, waitForRpc } from "./wait";

export type ChainNode = { rpcUrl: string; factory: Address; fromBlock: number; group: ProcessGroup };

export const hardhatCli = join(repoRoot, "node_modules", "hardhat", "dist", "src", "cli.js");

/** A Hardhat node on a free loopback port in `group` (stopped with it), answering JSON-RPC. */
export async function startHardhatNode(group: ProcessGroup): Promise<{ rpcUrl: string }> {
  const port = await freePort();
  const rpcUrl = `http://127.0.0.1:${port}`;
  const chain = group.start(
    "chain",
    process.execPath,
    [hardhatCli, "node", "--hostname", "127.0.0.1", "--port", String(port)],
    { cwd: repoRoot },
  );
  await whileAlive(chain, waitForRpc(rpcUrl, 60_000));
  return { rpcUrl };
}

/** Starts the node in `group` (stopped with it) and deploys; `deploymentsFile` gets the record. */
export async function startChainNode(group: ProcessGroup, deploymentsFile: string): Promise<ChainNode> {
  const { rpcUrl } = await startHardhatNode(group);
  const deployment = await deployLocal({ rpcUrl, deploymentsFile });
  return { rpcUrl, factory: deployment.factory as Address, fromBlock: deployment.fromBlock, group };
}
