import { getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildChallengeMessage, type GateChallenge } from "../lib/gate/challenge-message";
import type { IndexerConfig } from "./config";
import { IN_MEMORY } from "./db/open-pglite";
import { startIndexer, type RunningIndexer } from "./main";
import { createChainFixture, type ChainFixture } from "./testing/chain-fixture";

describe("startIndexer over a real HTTP server", { timeout: 60_000 }, () => {
  let chain: ChainFixture;
  let indexer: RunningIndexer;

  beforeAll(async () => {
    chain = await createChainFixture();
    const config: IndexerConfig = {
      rpcUrl: "http://127.0.0.1:1", // unused: the Hardhat client is passed in
      chainId: chain.chainId,
      factory: chain.factory,
      fromBlock: chain.fromBlock,
      dataDir: IN_MEMORY,
      host: "127.0.0.1",
      port: 0,
      pollIntervalMs: 50,
      maxBlockRange: 1_000,
      siweDomains: ["127.0.0.1:3000"],
      maxIndexerLagBlocks: 2,
      challengeTtlSeconds: 120,
      corsOrigins: ["http://127.0.0.1:3000"],
    };
    indexer = await startIndexer(config, { client: chain.publicClient, log: () => {} });
  });
  afterAll(() => indexer?.close());

  it("syncs in the background and admits a holder over HTTP", async () => {
    expect(indexer.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const alice = getAddress(chain.alice.account!.address);
    const event = await chain.createEvent("Live over HTTP");
    await chain.mint(event, [alice]);

    // Bounded wait for the background loop to pick up the mint.
    let tickets: { tokenId: string }[] = [];
    for (let i = 0; i < 100 && tickets.length === 0; i++) {
      tickets = (
        (await (await fetch(`${indexer.url}/tickets?owner=${alice}`)).json()) as { tickets: { tokenId: string }[] }
      ).tickets;
      if (tickets.length === 0) await new Promise((r) => setTimeout(r, 50));
    }
    expect(tickets.map((x) => x.tokenId)).toEqual(["1"]);

    const post = (path: string, body: unknown) =>
      fetch(`${indexer.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const challenge = (await (
      await post("/gate/challenge", { contract: event, gateId: "door" })
    ).json()) as GateChallenge;
    expect(challenge.domain).toBe("127.0.0.1:3000");
    const message = buildChallengeMessage(challenge, alice, 1n);
    const signature = await chain.alice.signMessage({ account: chain.alice.account!, message });
    const res = await post("/gate/scan", { message, signature });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: "ADMIT", tokenId: "1", holder: alice });

    const health = await fetch(`${indexer.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true, chainId: chain.chainId });
  });

  it("close() is idempotent", async () => {
    await Promise.all([indexer.close(), indexer.close()]);
    await expect(fetch(`${indexer.url}/health`)).rejects.toThrow();
  });
});
