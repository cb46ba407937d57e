import { ensureAppBuild, NEXT_ENV, nextBin } from "../../scripts/lib/app-build";
import { repoRoot } from "../../scripts/lib/build-contracts";
import type { ProcessGroup } from "../../scripts/lib/process-group";
import { whileAlive } from "../../scripts/lib/process-group";
import { waitForHttp } from "../../scripts/lib/wait";
export { freePort } from "../../scripts/lib/wait";

/**
 * `next start` on `port` (pick it with {@link freePort} before starting the indexer, whose CORS
 * origins come from `SIWE_DOMAINS`), pointed at the given chain and indexer.
 */
export async function startApp(
  group: ProcessGroup,
  env: { rpcUrl: string; indexerUrl: string; factory: string; port: number },
): Promise<string> {
  // One build for a run of several browser suites (and npm start): only when a source is newer.
  const build = await ensureAppBuild();
  if (build.built) console.log(`next build took ${build.seconds.toFixed(0)} s (build ${build.buildId})`);
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
        ...NEXT_ENV,
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
