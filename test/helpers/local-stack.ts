import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deployLocal } from "../../scripts/deploy";
import { createDemoEvent, type DemoEvent } from "../../scripts/demo-data";
import { repoRoot } from "../../scripts/lib/build-contracts";
import { indexerCommand } from "../../scripts/lib/indexer-command";
import { ProcessGroup, whileAlive, type ManagedProcess } from "../../scripts/lib/process-group";
import { freePort, waitForHttp, waitForRpc } from "../../scripts/lib/wait";
import { waitIndexed } from "../../scripts/lib/indexer-process";

export type LocalStack = {
  rpcUrl: string;
  indexerUrl: string;
  factory: `0x${string}`;
  demo: DemoEvent;
  group: ProcessGroup;
  /** The indexer's PGlite folder (open it only while the indexer is stopped). */
  dataDir: string;
  /** The running indexer process (replaced by `restartIndexer`). */
  indexer: ManagedProcess;
  /** Starts the indexer again (same port, env and data) after it was killed; resolves once /health answers. */
  restartIndexer(): Promise<ManagedProcess>;
  stop(): Promise<void>;
};

const hardhatCli = join(repoRoot, "node_modules", "hardhat", "dist", "src", "cli.js");

/**
 * The real processes, on free ports and a throwaway data folder: a Hardhat node, the
 * deployed factory with a demo event, and the indexer as its own process.
 */
export async function startLocalStack(
  options: { siweDomain?: string; indexerEnv?: Record<string, string> } = {},
): Promise<LocalStack> {
  const group = new ProcessGroup();
  const dir = await mkdtemp(join(tmpdir(), "fairgate-e2e-"));
  const stop = async () => {
    await group.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const chainPort = await freePort();
    const rpcUrl = `http://127.0.0.1:${chainPort}`;
    const chain = group.start(
      "chain",
      process.execPath,
      [hardhatCli, "node", "--hostname", "127.0.0.1", "--port", String(chainPort)],
      { cwd: repoRoot },
    );
    await whileAlive(chain, waitForRpc(rpcUrl, 60_000));

    const deploymentsFile = join(dir, "deployments.json");
    const deployment = await deployLocal({ rpcUrl, deploymentsFile });
    const factory = deployment.factory as `0x${string}`;
    const demo = await createDemoEvent({ rpcUrl, factory });

    const indexerPort = await freePort();
    const indexerUrl = `http://127.0.0.1:${indexerPort}`;
    const dataDir = join(dir, "pglite");
    const startIndexer = async () => {
      const launch = indexerCommand();
      const p = group.start("indexer", launch.command, launch.args, {
        cwd: repoRoot,
        env: {
          ...process.env,
          ...launch.env,
          RPC_URL: rpcUrl,
          CHAIN_ID: "31337",
          DEPLOYMENTS_FILE: deploymentsFile,
          DATA_DIR: dataDir,
          HOST: "127.0.0.1",
          PORT: String(indexerPort),
          POLL_INTERVAL_MS: "200",
          SIWE_DOMAINS: options.siweDomain ?? "127.0.0.1:3000",
          ...options.indexerEnv,
        },
      });
      // Generous: on a shared 2-core machine the indexer (tsx + PGlite + migrations) can take over a minute to listen.
      await whileAlive(p, waitForHttp(`${indexerUrl}/health`, 240_000));
      // Listening is not knowing: wait until the mirror holds the chain as it is now, or a test's first
      // gate call can meet an event the indexer has not read yet (404; seen on a busy machine).
      await whileAlive(p, waitIndexed(indexerUrl, await chainHead(rpcUrl), 240_000));
      return p;
    };
    const stack: LocalStack = {
      rpcUrl,
      indexerUrl,
      factory,
      demo,
      group,
      dataDir,
      indexer: await startIndexer(),
      restartIndexer: async () => (stack.indexer = await startIndexer()),
      stop,
    };
    return stack;
  } catch (error) {
    for (const p of group.processes) {
      console.error(`--- ${p.name} output ---\n${p.output.slice(-30).join("\n")}`);
    }
    await stop();
    throw error;
  }
}

/** The chain's current block number, asked directly (no client set-up in the stack's start path). */
async function chainHead(rpcUrl: string): Promise<number> {
  const res = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
  });
  return Number(((await res.json()) as { result: string }).result);
}
