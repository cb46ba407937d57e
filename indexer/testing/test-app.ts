/**
 * Test harness: a Hardhat chain, an in-memory database, a sync engine and the Hono app wired
 * like `startIndexer` does, with a clock the test can move. Plus helpers to talk to the gate.
 */
import type { Address, WalletClient } from "viem";
import { buildChallengeMessage, type GateChallenge } from "../../lib/gate/challenge-message";
import type { GateVerdict } from "../../lib/gate/reasons";
import { createApi } from "../api/create-api";
import { IN_MEMORY, openPglite } from "../db/open-pglite";
import type { GateDeps, GateSettings } from "../gate/gate-deps";
import { createChangeFeed } from "../sync/change-feed";
import { createSyncEngine } from "../sync/sync-engine";
import { createChainFixture } from "./chain-fixture";

export const TEST_DOMAINS = ["localhost:3000", "127.0.0.1:3000"];

/** `log`: where the sync engine and the API write their lines (default: nowhere). */
export async function createTestApp(
  settings: Partial<GateSettings> = {},
  options: { log?: (line: string) => void } = {},
) {
  const log = options.log ?? (() => {});
  const chain = await createChainFixture();
  const database = await openPglite(IN_MEMORY);
  const changes = createChangeFeed();
  const sync = createSyncEngine({
    onChange: changes.publish,
    client: chain.publicClient,
    db: database.db,
    chainId: chain.chainId,
    factory: chain.factory,
    fromBlock: chain.fromBlock,
    maxBlockRange: 100,
    pollIntervalMs: 50,
    log,
  });
  let offsetMs = 0;
  let frozenAt: number | null = null;
  const clock = {
    now: () => new Date((frozenAt ?? Date.now()) + offsetMs),
    advance: (ms: number) => void (offsetMs += ms),
    /** Stops the clock where it is: a test about slot boundaries must not cross one while the machine is slow. */
    freeze: () => void (frozenAt = Date.now()),
    thaw: () => void (frozenAt = null),
  };
  const gate: GateDeps = {
    db: database.db,
    client: chain.publicClient,
    chainId: chain.chainId,
    siweDomains: TEST_DOMAINS,
    challengeTtlSeconds: 120,
    maxIndexerLagBlocks: 2,
    maxHeadAgeMs: 60_000,
    syncStatus: sync.status,
    now: clock.now,
    settings,
  };
  const app = createApi({
    db: database.db,
    syncStatus: sync.status,
    gate,
    corsOrigins: TEST_DOMAINS.map((d) => `http://${d}`),
    log,
    changes,
    now: clock.now,
  });

  async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
    const res = await app.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  async function challenge(contract: Address, gateId = "north-1"): Promise<GateChallenge> {
    const res = await post("/gate/challenge", { contract, gateId });
    if (res.status !== 200) throw new Error(`challenge failed: ${JSON.stringify(res.body)}`);
    return res.body as unknown as GateChallenge;
  }

  /** `wallet` signs a message that claims `holder` (default: the wallet itself) holds `tokenId`. */
  async function answer(ch: GateChallenge, wallet: WalletClient, tokenId: bigint, holder?: Address) {
    const message = buildChallengeMessage(ch, holder ?? wallet.account!.address, tokenId);
    const signature = await wallet.signMessage({ account: wallet.account!, message });
    return { message, signature };
  }

  async function scan(body: unknown): Promise<{ status: number; verdict: GateVerdict }> {
    const res = await post("/gate/scan", body);
    return { status: res.status, verdict: res.body as unknown as GateVerdict };
  }

  return {
    chain,
    database,
    changes,
    sync,
    gate,
    app,
    clock,
    post,
    challenge,
    answer,
    scan,
    async close() {
      await sync.stop();
      await database.close();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
