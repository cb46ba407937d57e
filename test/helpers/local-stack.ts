import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deployLocal } from "../../scripts/deploy";
import { createDemoEvent, type DemoEvent } from "../../scripts/demo-data";
import { repoRoot } from "../../scripts/lib/build-contracts";
import { ProcessGroup, whileAlive } from "../../scripts/lib/process-group";
import { freePort, waitForHttp, waitForRpc } from "../../scripts/lib/wait";

export type LocalStack = {
  rpcUrl: string;
  indexerUrl: string;
  factory: `0x${string}`;
  demo: DemoEvent;
  group: ProcessGroup;
  stop(): Promise<void>;
};

const hardhatCli = join(repoRoot, "node_modules", "hardhat", "dist", "src", "cli.js");
const tsxLoader = join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs");

/**
 * The real processes, on free ports and a throwaway data folder: a Hardhat node, the
 * deployed factory with a demo event, and the indexer as its own process.
 */
export async function startLocalStack(options: { siweDomain?: string } = {}): Promise<LocalStack> {
  const group = new ProcessGroup();
  const dir = await mkdtemp(join(tmpdir(), "fairgate-e2e-"));
  const stop = async () => {
    await group.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const chainPort = await freePort();
    const rpcUrl = `http://127.0.0.1:${chainPort}`;
    const chain = group.start("chain", process.execPath, [hardhatCli, "node", "--hostname", "127.0.0.1", "--port", String(chainPort)], { cwd: repoRoot });
    await whileAlive(chain, waitForRpc(rpcUrl, 60_000));

    const deploymentsFile = join(dir, "deployments.json");
    const deployment = await deployLocal({ rpcUrl, deploymentsFile });
    const factory = deployment.factory as `0x${string}`;
    const demo = await createDemoEvent({ rpcUrl, factory });

    const indexerPort = await freePort();
    const indexerUrl = `http://127.0.0.1:${indexerPort}`;
    const indexer = group.start("indexer", process.execPath, ["--import", tsxLoader, join(repoRoot, "indexer", "main.ts")], {
      cwd: repoRoot,
      env: {
        ...process.env,
        RPC_URL: rpcUrl,
        CHAIN_ID: "31337",
        DEPLOYMENTS_FILE: deploymentsFile,
        DATA_DIR: join(dir, "pglite"),
        HOST: "127.0.0.1",
        PORT: String(indexerPort),
        POLL_INTERVAL_MS: "200",
        SIWE_DOMAINS: options.siweDomain ?? "127.0.0.1:3000",
      },
    });
    await whileAlive(indexer, waitForHttp(`${indexerUrl}/health`, 60_000));
    return { rpcUrl, indexerUrl, factory, demo, group, stop };
  } catch (error) {
    for (const p of group.processes) {
      console.error(`--- ${p.name} output ---\n${p.output.slice(-30).join("\n")}`);
    }
    await stop();
    throw error;
  }
}
