/**
 * Two indexer processes on one real PostgreSQL, both configured with the gate signer: only the
 * sync-lease holder runs the on-chain check-in batcher and the on-sale admission loop. Admissions
 * made through the follower (gate scans, queue joins) are carried out by the leader; after the
 * leader is SIGKILLed the survivor takes the lease and the duties over and carries on.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getAddress, keccak256, parseEventLogs, toHex, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi } from "../../lib/generated/abis";
import { buildChallengeMessage, type GateChallenge } from "../../lib/gate/challenge-message";
import type { GateVerdict } from "../../lib/gate/reasons";
import { openPostgres } from "../../indexer/db/open-postgres";
import { insertTestSale } from "../../indexer/testing/onsale-sale-row";
import { freshPostgresUrl, stopTestPostgres } from "../../indexer/testing/test-databases";
import { createDemoEvent, type DemoEvent } from "../../scripts/demo-data";
import { startChainNode, type ChainNode } from "../../scripts/lib/chain-node";
import { health, startIndexerProcess, waitIndexed, type IndexerProcess } from "../../scripts/lib/indexer-process";
import { localClients } from "../../scripts/lib/local-clients";
import { ProcessGroup } from "../../scripts/lib/process-group";
import { waitFor } from "../../scripts/lib/wait";
import { postgresSkipReason } from "../helpers/postgres-server";
import { ORGANIZER_CHANNEL } from "../../lib/channels";

/** Hardhat's unlocked test account #4: the gate signer on both instances. */
const GATE_SIGNER = getAddress("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");
const ALL_DUTIES = ["on-sale admission", "check-in batcher"];

if (postgresSkipReason)
  console.warn(`\n*** SKIPPED leader-only duties on two PostgreSQL instances: ${postgresSkipReason} ***\n`);

describe.skipIf(postgresSkipReason)("leader-only duties: two instances on one PostgreSQL", { timeout: 240_000 }, () => {
  let group: ProcessGroup;
  let dir: string;
  let node: ChainNode;
  let demo: DemoEvent;
  let clients: Awaited<ReturnType<typeof localClients>>;
  let databaseUrl: string;
  const holderOf = new Map<bigint, Address>();

  beforeAll(async () => {
    group = new ProcessGroup();
    dir = await mkdtemp(join(tmpdir(), "fairgate-duties-"));
    node = await startChainNode(group, join(dir, "deployments.json"));
    demo = await createDemoEvent({ rpcUrl: node.rpcUrl, factory: node.factory });
    clients = await localClients(node.rpcUrl);
    expect(clients.accounts[4]).toBe(GATE_SIGNER);
    const org = clients.wallet(demo.organizer);
    await clients.publicClient.waitForTransactionReceipt({
      hash: await org.writeContract({
        address: demo.ticket,
        abi: eventTicketAbi,
        functionName: "grantRole",
        args: [keccak256(toHex("GATE_ROLE")), GATE_SIGNER],
      }),
    });
    const receipt = await clients.publicClient.waitForTransactionReceipt({
      hash: await org.writeContract({
        address: demo.ticket,
        abi: eventTicketAbi,
        functionName: "mintTier",
        args: [0, ORGANIZER_CHANNEL, [1, 2, 3, 1].map((i) => clients.accounts[i]!)],
      }),
    });
    for (const t of parseEventLogs({ abi: eventTicketAbi, eventName: "Transfer", logs: receipt.logs }))
      holderOf.set(t.args.tokenId, t.args.to);
    databaseUrl = await freshPostgresUrl();
  }, 180_000);

  afterAll(async () => {
    await group?.stop();
    await stopTestPostgres();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const start = (name: string) =>
    startIndexerProcess(group, {
      name,
      rpcUrl: node.rpcUrl,
      factory: node.factory,
      fromBlock: node.fromBlock,
      databaseUrl,
      env: {
        LEASE_POLL_MS: "300",
        GATE_SIGNER_ADDRESS: GATE_SIGNER,
        GATE_BATCH_SIZE: "4",
        GATE_BATCH_INTERVAL_MS: "100",
        ONSALE_ADMIT_INTERVAL_MS: "50",
        SIWE_DOMAINS: "127.0.0.1:3000",
      },
    });

  async function scan(via: IndexerProcess, tokenId: bigint): Promise<GateVerdict> {
    const post = (path: string, body: unknown) =>
      fetch(`${via.url}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const challenge = (await (
      await post("/gate/challenge", { contract: demo.ticket, gateId: "north-1" })
    ).json()) as GateChallenge;
    const holder = holderOf.get(tokenId)!;
    const message = buildChallengeMessage(challenge, holder, tokenId);
    const signature = await clients.wallet(holder).signMessage({ account: holder, message });
    return (await (await post("/gate/scan", { message, signature })).json()) as GateVerdict;
  }

  const checkedInOnChain = (tokenId: bigint) =>
    clients.publicClient.readContract({
      address: demo.ticket,
      abi: eventTicketAbi,
      functionName: "isCheckedIn",
      args: [tokenId],
    });

  /** Joins the sale through `via` and waits until the admission loop (wherever it runs) admits the entry. */
  async function joinAndWaitAdmitted(via: IndexerProcess): Promise<void> {
    const res = await fetch(`${via.url}/onsale/sales/door/join`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(res.status).toBe(201);
    const { token } = (await res.json()) as { token: string };
    await waitFor(
      "the queue entry to be admitted",
      async () => {
        const s = (await (
          await fetch(`${via.url}/onsale/entry`, { headers: { authorization: `Bearer ${token}` } })
        ).json()) as { state: string };
        return s.state === "admitted" ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  }

  const dutiesOf = async (i: IndexerProcess) => ((await health(i.url)) as { duties?: string[] }).duties;

  it("only the lease holder runs the batcher and the admission loop; the survivor takes them over", async () => {
    const a = await start("indexer-a");
    const b = await start("indexer-b");
    const head = Number(await clients.publicClient.getBlockNumber({ cacheTime: 0 }));
    await Promise.all([waitIndexed(a.url, head), waitIndexed(b.url, head)]);
    const [leader, follower] = (await health(a.url)).role === "leader" ? [a, b] : [b, a];
    expect((await health(follower.url)).role).toBe("follower");
    expect((await dutiesOf(leader))?.sort()).toEqual([...ALL_DUTIES].sort());
    expect(await dutiesOf(follower)).toEqual([]);

    // A sale open now, in the shared database.
    const shared = await openPostgres(databaseUrl, { poolSize: 1 });
    try {
      await insertTestSale(shared.db, {
        id: "door",
        opensAt: new Date(Date.now() - 1_000),
        admitPerSecond: 50,
        lottery: false,
      });
    } finally {
      await shared.close();
    }

    // Admissions through the follower are carried out by the leader's jobs.
    const [t1, t2, t3, t4] = [...holderOf.keys()];
    for (const id of [t1!, t2!]) expect((await scan(follower, id)).result).toBe("ADMIT");
    await joinAndWaitAdmitted(follower);
    await waitFor(
      "the first admissions checked in on chain",
      async () => ((await checkedInOnChain(t1!)) && (await checkedInOnChain(t2!)) ? true : undefined),
      { timeoutMs: 30_000 },
    );
    expect(await dutiesOf(follower)).toEqual([]);
    expect(follower.proc.output.some((l) => l.includes("[batcher]") || l.includes("[duties]"))).toBe(false);

    // The leader dies without a goodbye: the follower takes the lease and the duties.
    await leader.kill("SIGKILL");
    const killedAt = Date.now();
    await waitFor(
      "the survivor to take the duties over",
      async () => {
        const d = await dutiesOf(follower);
        return d && d.length === ALL_DUTIES.length ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
    console.log(`duties failed over ${Date.now() - killedAt} ms after the leader's SIGKILL`);
    expect((await health(follower.url)).role).toBe("leader");

    for (const id of [t3!, t4!]) expect((await scan(follower, id)).result).toBe("ADMIT");
    await joinAndWaitAdmitted(follower);
    await waitFor(
      "the later admissions checked in on chain",
      async () => ((await checkedInOnChain(t3!)) && (await checkedInOnChain(t4!)) ? true : undefined),
      { timeoutMs: 30_000 },
    );

    // Exactly one CheckedIn per ticket across both instances' lifetimes.
    const events = await clients.publicClient.getContractEvents({
      address: demo.ticket,
      abi: eventTicketAbi,
      eventName: "CheckedIn",
      fromBlock: BigInt(node.fromBlock),
    });
    expect(events.map((e) => e.args.tokenId!).sort((x, y) => (x < y ? -1 : 1))).toEqual([t1!, t2!, t3!, t4!]);
    await follower.kill("SIGTERM");
  });
});
