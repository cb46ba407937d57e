/**
 * The on-chain check-in batcher through real processes: admissions at the gate, the indexer
 * process (which runs the batcher) killed with SIGKILL while a batch is in the mempool and again
 * right after a scan, restarted, and every admitted ticket ends checked in on chain exactly once,
 * with no reverted transaction and every check_ins row confirmed.
 */
import { once } from "node:events";
import { getAddress, keccak256, parseEventLogs, toHex, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi } from "../../lib/generated/abis";
import { buildChallengeMessage, type GateChallenge } from "../../lib/gate/challenge-message";
import type { GateVerdict } from "../../lib/gate/reasons";
import { openPglite } from "../../indexer/db/open-pglite";
import { queueCounts } from "../../indexer/gate/batcher/check-in-queue";
import { localClients } from "../../scripts/lib/local-clients";
import { waitFor } from "../../scripts/lib/wait";
import { startLocalStack, type LocalStack } from "../helpers/local-stack";
import { ORGANIZER_CHANNEL } from "../../lib/channels";

/** Hardhat's unlocked test account #4: the gate signer (checked against eth_accounts below). */
const GATE_SIGNER = getAddress("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");
const TICKETS = 20;

let stack: LocalStack;
let clients: Awaited<ReturnType<typeof localClients>>;
let ids: bigint[] = [];
const holderOf = new Map<bigint, Address>();
let firstBlock = 0n;

const rpc = (method: string, params: unknown[]) =>
  clients.publicClient.request({ method: method as never, params: params as never });

async function scan(tokenId: bigint): Promise<GateVerdict> {
  const c = await fetch(`${stack.indexerUrl}/gate/challenge`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ contract: stack.demo.ticket, gateId: "north-1" }),
  });
  expect(c.status).toBe(200);
  const holder = holderOf.get(tokenId)!;
  const message = buildChallengeMessage((await c.json()) as GateChallenge, holder, tokenId);
  const signature = await clients.wallet(holder).signMessage({ account: holder, message });
  const res = await fetch(`${stack.indexerUrl}/gate/scan`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ message, signature }),
  });
  return (await res.json()) as GateVerdict;
}

async function kill9(): Promise<void> {
  const child = stack.indexer.child;
  const exited = once(child, "exit");
  process.kill(-child.pid!, "SIGKILL");
  await exited;
}

const signerHasPendingTx = async () =>
  (await clients.publicClient.getTransactionCount({ address: GATE_SIGNER, blockTag: "pending" })) >
  (await clients.publicClient.getTransactionCount({ address: GATE_SIGNER, blockTag: "latest" }));

beforeAll(async () => {
  stack = await startLocalStack({
    indexerEnv: {
      GATE_SIGNER_ADDRESS: GATE_SIGNER,
      GATE_BATCH_SIZE: "4",
      GATE_BATCH_INTERVAL_MS: "100",
      GATE_BATCH_CONFIRM_TIMEOUT_MS: "1500",
    },
  });
  clients = await localClients(stack.rpcUrl);
  expect(clients.accounts[4]).toBe(GATE_SIGNER);
  const org = clients.wallet(stack.demo.organizer);
  await clients.publicClient.waitForTransactionReceipt({
    hash: await org.writeContract({
      address: stack.demo.ticket,
      abi: eventTicketAbi,
      functionName: "grantRole",
      args: [keccak256(toHex("GATE_ROLE")), GATE_SIGNER],
    }),
  });
  const to = Array.from({ length: TICKETS }, (_, i) => clients.accounts[1 + (i % 3)]!);
  const receipt = await clients.publicClient.waitForTransactionReceipt({
    hash: await org.writeContract({
      address: stack.demo.ticket,
      abi: eventTicketAbi,
      functionName: "mintTier",
      args: [0, ORGANIZER_CHANNEL, to],
    }),
  });
  for (const t of parseEventLogs({ abi: eventTicketAbi, eventName: "Transfer", logs: receipt.logs }))
    holderOf.set(t.args.tokenId, t.args.to);
  ids = [...holderOf.keys()];
  firstBlock = receipt.blockNumber;
  // Blocks every 400 ms instead of per transaction: batches wait in the mempool, where a kill can catch them.
  await rpc("evm_setAutomine", [false]);
  await rpc("evm_setIntervalMining", [400]);
});

afterAll(async () => {
  await stack?.stop();
});

describe("on-chain check-in batcher across kill -9", () => {
  it("every admitted ticket ends checked in on chain exactly once", async () => {
    const half = ids.slice(0, TICKETS / 2);
    for (const id of half) expect((await scan(id)).result).toBe("ADMIT");
    // Kill while a checkIn batch the batcher sent is still in the mempool (sent, not confirmed).
    await waitFor("a batch in the mempool", async () => ((await signerHasPendingTx()) ? true : undefined), {
      timeoutMs: 30_000,
      intervalMs: 5,
    });
    await kill9();

    await stack.restartIndexer();
    // The admissions survived the crash.
    expect((await scan(half[0]!)) as GateVerdict).toMatchObject({ result: "DENY", reason: "ALREADY_CHECKED_IN" });
    for (const id of ids.slice(TICKETS / 2)) expect((await scan(id)).result).toBe("ADMIT");
    await kill9(); // right after the last admission: intent, send or confirm may be cut anywhere
    await rpc("evm_setIntervalMining", [0]);
    await rpc("evm_setAutomine", [true]);
    await stack.restartIndexer();

    const checked = (id: bigint) =>
      clients.publicClient.readContract({
        address: stack.demo.ticket,
        abi: eventTicketAbi,
        functionName: "isCheckedIn",
        args: [id],
      });
    await waitFor(
      "every admitted ticket checked in on chain",
      async () => ((await Promise.all(ids.map(checked))).every(Boolean) ? true : undefined),
      { timeoutMs: 60_000 },
    );

    // Exactly once: one CheckedIn per ticket, from the gate signer.
    const events = await clients.publicClient.getContractEvents({
      address: stack.demo.ticket,
      abi: eventTicketAbi,
      eventName: "CheckedIn",
      fromBlock: firstBlock,
    });
    expect(events.map((e) => e.args.tokenId!).sort((a, b) => (a < b ? -1 : 1))).toEqual(
      [...ids].sort((a, b) => (a < b ? -1 : 1)),
    );
    expect(new Set(events.map((e) => e.args.gate))).toEqual(new Set([GATE_SIGNER]));

    // No transaction of the gate signer reverted.
    const head = await clients.publicClient.getBlockNumber();
    let sent = 0;
    for (let n = firstBlock; n <= head; n++) {
      const block = await clients.publicClient.getBlock({ blockNumber: n, includeTransactions: true });
      for (const tx of block.transactions) {
        if (getAddress(tx.from) !== GATE_SIGNER) continue;
        sent++;
        expect((await clients.publicClient.getTransactionReceipt({ hash: tx.hash })).status, tx.hash).toBe("success");
      }
    }
    expect(sent).toBeGreaterThanOrEqual(Math.ceil(TICKETS / 4));

    // And the queue agrees: stop the indexer cleanly once it had time to settle, then read its database.
    await new Promise((r) => setTimeout(r, 2_000));
    const child = stack.indexer.child;
    const exited = once(child, "exit");
    process.kill(-child.pid!, "SIGTERM");
    await exited;
    const db = await openPglite(stack.dataDir);
    try {
      expect(await queueCounts(db.db)).toEqual({ pending: 0, inFlight: 0, confirmed: TICKETS });
    } finally {
      await db.close();
    }
  });
});
