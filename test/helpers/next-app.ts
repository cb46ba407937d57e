import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../scripts/lib/build-contracts";
import type { ProcessGroup } from "../../scripts/lib/process-group";
import { whileAlive } from "../../scripts/lib/process-group";
import { waitForHttp } from "../../scripts/lib/wait";
export { freePort } from "../../scripts/lib/wait";

const nextBin = join(repoRoot, "node_modules", "next", "dist", "bin", "next");
const SOURCE_DIRS = ["app", "lib"];
const SOURCE_FILES = ["next.config.ts", "package.json", "tsconfig.json"];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path))
        if (!entry.startsWith(".") && entry !== "node_modules") visit(join(path, entry));
    } else if (!path.endsWith(".test.ts")) newest = Math.max(newest, stat.mtimeMs);
  };
  for (const dir of SOURCE_DIRS) visit(join(repoRoot, dir));
  for (const file of SOURCE_FILES) visit(join(repoRoot, file));
  return newest;
}

/**
 * `next build`, unless the production build in .next is newer than every app source file, so a
 * run of several browser suites builds once. The type check is skipped here (`npm test` runs tsc
 * over the same files), which halves the build on two cores.
 */
export function ensureAppBuild(): void {
  const buildId = join(repoRoot, ".next", "BUILD_ID");
  const built = statSync(buildId, { throwIfNoEntry: false });
  if (built && built.mtimeMs > newestSourceMtime()) return;
  const started = Date.now();
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: repoRoot,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FAIRGATE_BUILD_SKIP_TYPECHECK: "1" },
    encoding: "utf8",
    timeout: 600_000,
  });
  if (result.status !== 0) throw new Error(`next build failed:\n${result.stdout}\n${result.stderr}`);
  console.log(
    `next build took ${((Date.now() - started) / 1000).toFixed(0)} s (build ${readFileSync(buildId, "utf8")})`,
  );
}

/**
 * `next start` on `port` (pick it with {@link freePort} before starting the indexer, whose CORS
 * origins come from `SIWE_DOMAINS`), pointed at the given chain and indexer.
 */
export async function startApp(
  group: ProcessGroup,
  env: { rpcUrl: string; indexerUrl: string; factory: string; port: number },
): Promise<string> {
  ensureAppBuild();
  const port = env.port;
  const url = `http://127.0.0.1:${port}`;
  const app = group.start(
    "app",
    process.execPath,
    [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port)],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        RPC_URL: env.rpcUrl,
        INDEXER_URL: env.indexerUrl,
        CHAIN_ID: "31337",
        FACTORY_ADDRESS: env.factory,
        PORT: String(port),
      },
    },
  );
  await whileAlive(app, waitForHttp(url, 60_000));
  return url;
}
