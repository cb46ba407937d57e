/**
 * Test helper: a real `hardhat node` on a free loopback port and a throwaway folder for the
 * deployments file and mint journals, plus `cli(...)` to run fairgate commands in-process
 * against it with a clean environment.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../../lib/build-contracts";
import { ProcessGroup, whileAlive } from "../../lib/process-group";
import { freePort, waitForRpc } from "../../lib/wait";
import { bufferIo } from "../cli-io";
import type { Env } from "../cli-config";
import { runCli } from "../program";

export type CliRun = { code: number; stdout: string; stderr: string; json<T = Record<string, unknown>>(): T };

export type LocalNode = {
  rpcUrl: string;
  dir: string;
  env: Env;
  cli(args: string[], extraEnv?: Env): Promise<CliRun>;
  stop(): Promise<void>;
};

const hardhatCli = join(repoRoot, "node_modules", "hardhat", "dist", "src", "cli.js");

/** `chainId` other than 31337 makes the node look like a remote network to the CLI (no node accounts). */
export async function startLocalNode(options: { chainId?: number; dir?: string } = {}): Promise<LocalNode> {
  const chainId = options.chainId ?? 31337;
  const group = new ProcessGroup();
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), "fairgate-cli-")));
  const port = await freePort();
  const rpcUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await group.stop();
    if (ownDir) await rm(dir, { recursive: true, force: true });
  };
  try {
    const node = group.start(
      "chain",
      process.execPath,
      [hardhatCli, "node", "--hostname", "127.0.0.1", "--port", String(port), "--chain-id", String(chainId)],
      { cwd: repoRoot },
    );
    await whileAlive(node, waitForRpc(rpcUrl, 60_000));
  } catch (e) {
    await stop();
    throw e;
  }
  // Only what the CLI reads; nothing from the developer's own environment leaks in.
  const env: Env = {
    RPC_URL: rpcUrl,
    CHAIN_ID: String(chainId),
    DEPLOYMENTS_FILE: join(dir, "deployments.json"),
    FAIRGATE_STATE_DIR: join(dir, "state"),
  };
  const cli = async (args: string[], extraEnv: Env = {}): Promise<CliRun> => {
    const io = bufferIo();
    const code = await runCli(args, io, { ...env, ...extraEnv });
    const stdout = io.stdout.join("\n");
    return { code, stdout, stderr: io.stderr.join("\n"), json: <T>() => JSON.parse(stdout) as T };
  };
  return { rpcUrl, dir, env, cli, stop };
}
