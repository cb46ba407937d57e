/**
 * The indexer service: config → database → sync engine → HTTP API (+ gate).
 * `startIndexer` is for scripts and tests; run directly (`npx tsx indexer/main.ts`) it is the CLI.
 */
import { serve, type ServerType } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { createPublicClient, webSocket, type PublicClient } from "viem";
import { fairgateChain, LOCAL_CHAIN_ID } from "../lib/chain";
import { sharedRangeCap } from "../lib/rpc/range-cap";
import { rpcCallStats, type RpcCallStats } from "../lib/rpc/rpc-call-stats";
import { rpcTransport } from "../lib/rpc/rpc-transport";
import { createApi } from "./api/create-api";
import { ConfigError, loadConfig, type IndexerConfig } from "./config";
import { defaultRequireSession, productionProblems, productionViewOfConfig } from "./production-config";
import { createCheckInBatcher } from "./gate/batcher/check-in-batcher";
import { createGateSigner } from "./gate/batcher/gate-signer";
import { advisoryLease } from "./db/advisory-lease";
import { openDatabase } from "./db/open-database";
import type { Db } from "./db/types";
import { leaderDuties, type Duty } from "./leader-duties";
import { createChangeFeed } from "./sync/change-feed";
import { cursorId } from "./sync/cursor";
import { startOnsale, type OnsaleOverrides } from "./onsale/start-onsale";
import { createSyncEngine } from "./sync/sync-engine";
import { checkStartBlock } from "./sync/start-block-check";

export type RunningIndexer = {
  /** Base URL of the HTTP API, e.g. http://127.0.0.1:4100 */
  url: string;
  close(): Promise<void>;
};

export type StartOptions = {
  /** Use this client instead of one built from `rpcUrl` (tests pass Hardhat's in-process one). */
  client?: PublicClient;
  log?: (line: string) => void;
  /** Waiting-room signer / identity provider instead of the ones the config names (tests, simulation). */
  onsale?: OnsaleOverrides;
};

/**
 * @example
 * const indexer = await startIndexer(loadConfig());
 * console.log(indexer.url);
 * await indexer.close();
 */
export async function startIndexer(config: IndexerConfig, options: StartOptions = {}): Promise<RunningIndexer> {
  const log = options.log ?? ((line: string) => console.error(line));
  // Away from the local chain, settings meant for a laptop stop the start, before anything opens.
  const unsafe = productionProblems(productionViewOfConfig(config, options.onsale?.identity));
  if (unsafe.length > 0) throw new ConfigError(unsafe);
  const rpcStats = rpcCallStats();
  const client = options.client ?? createClient(config, rpcStats);
  // FACTORY_ADDRESS alone on a long chain: stop before opening anything rather than scan from block 0.
  await checkStartBlock(config, client);
  const database = await openDatabase(config);
  const changes = createChangeFeed();
  const onsale = await startOnsale({
    db: database.db,
    client,
    chainId: config.chainId,
    siweDomains: config.siweDomains,
    identityPepper: config.gateSettings?.identityPepper,
    settings: config.onsale,
    overrides: options.onsale,
    log: (line) => log(`[onsale] ${line}`),
  });
  // Jobs one instance runs for all: they start when this instance takes the sync lease and stop when it loses it.
  const duties = leaderDuties(
    [
      { name: "on-sale admission", start: onsale.startAdmission },
      ...(config.checkInBatcher ? [checkInBatcherDuty(config, database.db, client, log)] : []),
    ],
    (line) => log(`[duties] ${line}`),
  );
  const lease = config.databaseUrl
    ? advisoryLease(config.databaseUrl, `fairgate-sync:${cursorId(config.chainId, config.factory)}`, (line) =>
        log(`[sync] ${line}`),
      )
    : undefined;
  const sync = createSyncEngine({
    client,
    db: database.db,
    chainId: config.chainId,
    factory: config.factory,
    fromBlock: config.fromBlock,
    maxBlockRange: config.maxBlockRange,
    // One learned eth_getLogs cap per endpoint: every scan in this process stays under it.
    rangeCap: sharedRangeCap(config.rpcUrl),
    ...(config.rangeTargetLogs !== undefined ? { rangeTargetLogs: config.rangeTargetLogs } : {}),
    pollIntervalMs: config.pollIntervalMs,
    ...(config.finalityDepth !== undefined ? { finalityDepth: config.finalityDepth } : {}),
    ...(config.leasePollMs !== undefined ? { followerPollMs: config.leasePollMs } : {}),
    ...(lease ? { lease } : {}),
    onChange: changes.publish,
    // A websocket pushes new heads (RPC_URL or RPC_WS_URL): sync at once, and poll only as a keep-alive.
    ...headsOptions(config, client),
    onLeadership: duties.setLeader,
    log: (line) => log(`[sync] ${line}`),
  });
  const status = () => ({ ...sync.status(), duties: duties.names(), rpc: rpcStats.snapshot() });
  const app = createApi({
    onsale: onsale.deps,
    db: database.db,
    syncStatus: status,
    changes,
    corsOrigins: config.corsOrigins,
    log: (line) => log(`[api] ${line}`),
    gate: {
      db: database.db,
      client,
      chainId: config.chainId,
      siweDomains: config.siweDomains,
      challengeTtlSeconds: config.challengeTtlSeconds,
      maxIndexerLagBlocks: config.maxIndexerLagBlocks,
      maxHeadAgeMs: Math.max(5_000, 10 * config.pollIntervalMs),
      syncStatus: sync.status,
      now: () => new Date(),
      settings: {
        ...config.gateSettings,
        requireSessionForChallenge:
          config.gateSettings?.requireSessionForChallenge ?? defaultRequireSession(config.chainId),
      },
    },
  });

  let server: ServerType;
  try {
    server = await listen(app.fetch, config.host, config.port);
  } catch (err) {
    await database.close();
    throw err;
  }
  sync.start();
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await duties.stop();
        await sync.stop();
        await database.close();
      })()),
  };
}

/** Writes admissions on chain (checkIn batches) from the gate signer. */
function checkInBatcherDuty(config: IndexerConfig, db: Db, client: PublicClient, log: (line: string) => void): Duty {
  const settings = config.checkInBatcher!;
  const batcher = createCheckInBatcher({
    db,
    client,
    signer: createGateSigner(settings.signer, fairgateChain(config.chainId, config.rpcUrl), config.rpcUrl),
    settings: settings.settings,
    log: (line) => log(`[batcher] ${line}`),
  });
  return {
    name: "check-in batcher",
    start() {
      batcher.start();
      return batcher;
    },
  };
}

function createClient(config: IndexerConfig, stats: RpcCallStats): PublicClient {
  const chain = fairgateChain(config.chainId, config.rpcUrl);
  // One retry of a transient failure: the sync engine retries on its own, and a gate scan should fail fast.
  // Rate limits are waited out in the transport (Retry-After), under the RPC_MAX_RPS budget when set.
  const transport = rpcTransport(config.rpcUrl, {
    timeoutMs: 10_000,
    retryCount: 1,
    stats,
    ...(config.rpcMaxRps ? { maxRps: config.rpcMaxRps } : {}),
  });
  return createPublicClient({ chain, transport }) as PublicClient;
}

/** While subscribed to new heads the loop wakes on each block; its poll is only a keep-alive in case the socket goes quiet. */
const SUBSCRIBED_POLL_MS = 30_000;

function headsOptions(
  config: IndexerConfig,
  client: PublicClient,
): { subscribeHeads?: (onHead: () => void) => () => void; subscribedPollMs?: number } {
  const heads =
    client.transport.type === "webSocket"
      ? client
      : config.rpcWsUrl
        ? (createPublicClient({
            chain: fairgateChain(config.chainId, config.rpcUrl),
            transport: webSocket(config.rpcWsUrl),
          }) as PublicClient)
        : null;
  if (!heads) return {};
  return {
    subscribeHeads: (onHead) =>
      heads.watchBlockNumber({ onBlockNumber: onHead, emitOnBegin: false, onError: () => {} }),
    // The local node mines only on demand: keep its fast poll, so an idle chain's head stays fresh for the gate.
    subscribedPollMs:
      config.chainId === LOCAL_CHAIN_ID ? config.pollIntervalMs : Math.max(config.pollIntervalMs, SUBSCRIBED_POLL_MS),
  };
}

function listen(fetch: Parameters<typeof serve>[0]["fetch"], hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, () => resolve(server));
    server.once("error", reject);
  });
}

async function main(): Promise<void> {
  let config: IndexerConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const indexer = await startIndexer(config);
  console.log(`Fairgate indexer listening on ${indexer.url} (chain ${config.chainId}, factory ${config.factory})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`[indexer] ${signal}: shutting down`);
    // A stuck close must not keep the process alive forever.
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await indexer.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
