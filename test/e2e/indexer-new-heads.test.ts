/**
 * RPC_WS_URL: an indexer reading over http(s) is woken by new heads pushed over a websocket, so
 * its head poll can be as slow as a provider's quota wants (here ten minutes) without adding lag.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startChainNode, type ChainNode } from "../../scripts/lib/chain-node";
import { startIndexerProcess, waitIndexed, type IndexerProcess } from "../../scripts/lib/indexer-process";
import { localClients } from "../../scripts/lib/local-clients";
import { ProcessGroup } from "../../scripts/lib/process-group";

describe("indexer with RPC_WS_URL", () => {
  let group: ProcessGroup;
  let dir: string;
  let node: ChainNode;
  let indexer: IndexerProcess;
  beforeAll(async () => {
    group = new ProcessGroup();
    dir = await mkdtemp(join(tmpdir(), "fairgate-new-heads-"));
    node = await startChainNode(group, join(dir, "deployments.json"));
    indexer = await startIndexerProcess(group, {
      rpcUrl: node.rpcUrl,
      factory: node.factory,
      fromBlock: node.fromBlock,
      dataDir: join(dir, "pglite"),
      env: { POLL_INTERVAL_MS: "600000", RPC_WS_URL: node.rpcUrl.replace(/^http/, "ws") },
    });
  });
  afterAll(async () => {
    await group?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("indexes a new block as it comes, though its poll sleeps for ten minutes", async () => {
    const { publicClient } = await localClients(node.rpcUrl);
    await waitIndexed(indexer.url, Number(await publicClient.getBlockNumber()));
    for (let i = 0; i < 3; i++) {
      await publicClient.request({ method: "evm_mine" as never, params: [] as never });
      const head = Number(await publicClient.getBlockNumber());
      // Only the pushed head can wake the loop before the 10-minute poll; the wait is bounded well below it.
      // At least this head: a block mined meanwhile by anything else may be indexed in the same wake-up.
      expect((await waitIndexed(indexer.url, head, 60_000)).indexedBlock).toBeGreaterThanOrEqual(head);
    }
  });
});
