/** The indexer as its own process (`indexer/main.ts`), as production runs it: for the reorg, crash and failover tests and the benchmark. */
import { repoRoot } from "./build-contracts";
import { indexerCommand } from "./indexer-command";
import type { ManagedProcess, ProcessGroup } from "./process-group";
import { whileAlive } from "./process-group";
import { freePort, waitFor, waitForHttp } from "./wait";

export type IndexerProcess = {
  url: string;
  proc: ManagedProcess;
  /** Sends `signal` to the process and waits for it to exit. */
  kill(signal: NodeJS.Signals): Promise<void>;
  alive(): boolean;
};

export type IndexerProcessOptions = {
  name?: string;
  rpcUrl: string;
  factory: string;
  fromBlock: number;
  /** PGlite folder, or … */
  dataDir?: string;
  /** … a PostgreSQL URL. */
  databaseUrl?: string;
  env?: Record<string, string>;
  /** Node flags instead of the launcher's (scripts/lib/indexer-command.ts), e.g. [] for Node's defaults. */
  nodeFlags?: readonly string[];
  /** Print the process's output lines (prefixed) as they come. */
  echo?: boolean;
  /** Ready once /health answers at all, even 503 (an indexer that cannot sync yet, e.g. a broken RPC). */
  readyWhenAnswering?: boolean;
  /** Called with every output chunk, unabridged (the group keeps only the last 200 lines). */
  onOutput?: (text: string) => void;
};

export async function startIndexerProcess(group: ProcessGroup, o: IndexerProcessOptions): Promise<IndexerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const launch = indexerCommand({ ...process.env, ...o.env }, o.nodeFlags);
  const proc = group.start(o.name ?? "indexer", launch.command, launch.args, {
    cwd: repoRoot,
    echo: o.echo ?? false,
    env: {
      ...process.env,
      ...launch.env,
      RPC_URL: o.rpcUrl,
      CHAIN_ID: "31337",
      FACTORY_ADDRESS: o.factory,
      FROM_BLOCK: String(o.fromBlock),
      HOST: "127.0.0.1",
      PORT: String(port),
      POLL_INTERVAL_MS: "100",
      ...(o.dataDir ? { DATA_DIR: o.dataDir } : {}),
      ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}),
      ...o.env,
    },
  });
  if (o.onOutput) {
    proc.child.stdout?.on("data", (c: Buffer) => o.onOutput!(c.toString("utf8")));
    proc.child.stderr?.on("data", (c: Buffer) => o.onOutput!(c.toString("utf8")));
  }
  await whileAlive(proc, waitForHttp(`${url}/health`, 90_000, o.readyWhenAnswering ?? false));
  const alive = () => proc.child.exitCode === null && proc.child.signalCode === null;
  return {
    url,
    proc,
    alive,
    async kill(signal) {
      if (!alive()) return;
      const exited = new Promise<void>((r) => proc.child.once("exit", () => r()));
      process.kill(-proc.child.pid!, signal);
      await exited;
    },
  };
}

export type HealthBody = {
  headBlock: number | null;
  indexedBlock: number;
  lagBlocks: number | null;
  ok: boolean;
  role: "leader" | "follower";
};

export async function health(url: string): Promise<HealthBody> {
  const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) });
  return (await res.json()) as HealthBody;
}

/** Waits until the indexer at `url` has applied block `target` (bounded). */
export async function waitIndexed(url: string, target: number, timeoutMs = 90_000): Promise<HealthBody> {
  return waitFor(
    `indexer ${url} at block ${target}`,
    async () => {
      const h = await health(url);
      return h.indexedBlock >= target ? h : undefined;
    },
    { timeoutMs, intervalMs: 100 },
  );
}
