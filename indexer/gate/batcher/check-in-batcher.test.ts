/**
 * The on-chain check-in batcher against a real (in-process Hardhat) chain: batching, and each
 * crash window (after intent, after send before record, tx stuck in the mempool, revert).
 */
import { createWalletClient, custom, keccak256, parseEther, toHex, type Address, type WalletClient } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { IN_MEMORY, openPglite } from "../../db/open-pglite";
import type { Database } from "../../db/types";
import { createChainFixture, type ChainFixture } from "../../testing/chain-fixture";
import { recordCheckIn } from "../steps/record-check-in";
import { createCheckInBatcher, type BatcherDeps } from "./check-in-batcher";
import { queueCounts } from "./check-in-queue";
import { checkIns } from "../../db/schema";
import type { GateSigner } from "./gate-signer";

const GATE_ROLE = keccak256(toHex("GATE_ROLE"));

class SimulatedCrash extends Error {}
const crash = async () => {
  throw new SimulatedCrash("crash");
};

let chain: ChainFixture;
let database: Database;
let event: Address;
let signer: GateSigner;

async function grant(to: Address, contract = event) {
  const hash = await chain.organizer.writeContract({
    address: contract,
    abi: eventTicketAbi,
    functionName: "grantRole",
    args: [GATE_ROLE, to],
    account: chain.organizer.account!,
    chain: chain.organizer.chain,
  });
  await chain.publicClient.waitForTransactionReceipt({ hash });
}

/** Mints `n` tickets to alice and admits them at the gate (the rows the batcher consumes). */
async function admit(n: number, contract = event): Promise<bigint[]> {
  const before = await chain.publicClient.readContract({
    address: contract,
    abi: eventTicketAbi,
    functionName: "totalMinted",
  });
  await chain.mint(
    contract,
    Array.from({ length: n }, () => chain.alice.account!.address),
  );
  const ids = Array.from({ length: n }, (_, i) => before + 1n + BigInt(i));
  for (const tokenId of ids) {
    await recordCheckIn(database.db, {
      ticket: { contract, tokenId },
      holder: chain.alice.account!.address,
      gateId: "north-1",
      now: new Date(),
      mode: "pass",
    });
  }
  return ids;
}

function batcher(extra: Partial<BatcherDeps> = {}) {
  return createCheckInBatcher({
    db: database.db,
    client: chain.publicClient,
    signer,
    settings: { batchSize: 3, intervalMs: 0, confirmTimeoutMs: 2_000 },
    log: () => {},
    ...extra,
  });
}

async function checkedInEvents(contract = event) {
  const logs = await chain.publicClient.getContractEvents({
    address: contract,
    abi: eventTicketAbi,
    eventName: "CheckedIn",
    fromBlock: 0n,
  });
  return logs.map((l) => l.args.tokenId!);
}

async function expectAllOnChainOnce(ids: bigint[], contract = event) {
  for (const id of ids) {
    expect(
      await chain.publicClient.readContract({
        address: contract,
        abi: eventTicketAbi,
        functionName: "isCheckedIn",
        args: [id],
      }),
      `ticket ${id}`,
    ).toBe(true);
  }
  const events = await checkedInEvents(contract);
  expect([...events].sort()).toEqual([...ids].sort());
}

const signerTxCount = () => chain.publicClient.getTransactionCount({ address: signer.address });

beforeEach(async () => {
  chain = await createChainFixture();
  database = await openPglite(IN_MEMORY);
  event = await chain.createEvent("Batcher Night");
  signer = { address: chain.carol.account!.address, wallet: chain.carol, signsLocally: false };
  await grant(signer.address);
});

afterEach(async () => {
  await database.close();
});

describe("check-in batcher", () => {
  it("a check-in no transaction can carry (id >= 2^256) is set aside; the event's other check-ins and other events' still go on chain", async () => {
    const other = await chain.createEvent("Other Night");
    await grant(signer.address, other);
    const ids = await admit(2);
    const otherIds = await admit(2, other);
    // The oldest row of the first event, as an unchecked reconcile once stored it: it would go first.
    await database.db.insert(checkIns).values({
      contract: event.toLowerCase(),
      tokenId: 2n ** 256n,
      holder: chain.alice.account!.address.toLowerCase(),
      gateId: "north-1",
      checkedInAt: new Date(0),
      mode: "offline",
    });
    const b = batcher();
    expect(await b.tick()).toEqual({ sent: 4, confirmed: 4, requeued: 0 });
    await expectAllOnChainOnce(ids);
    await expectAllOnChainOnce(otherIds, other);
    expect(await queueCounts(database.db)).toEqual({ pending: 1, inFlight: 0, confirmed: 4 });
    // Later ticks neither throw nor stall on it.
    const more = await admit(1);
    expect(await b.tick()).toEqual({ sent: 1, confirmed: 1, requeued: 0 });
    await expectAllOnChainOnce([...ids, ...more]);
    expect((await b.status()).lastError).toBeUndefined();
  });

  it("sends admissions in batches of batchSize and marks them confirmed", async () => {
    const ids = await admit(7);
    const report = await batcher().tick();
    expect(report).toEqual({ sent: 7, confirmed: 7, requeued: 0 });
    expect(await signerTxCount()).toBe(3); // 3 + 3 + 1
    await expectAllOnChainOnce(ids);
    expect(await queueCounts(database.db)).toEqual({ pending: 0, inFlight: 0, confirmed: 7 });
  });

  it("waits for a full batch or for the interval before sending a partial one", async () => {
    await admit(2);
    const lingering = batcher({ settings: { batchSize: 3, intervalMs: 60_000 } });
    expect((await lingering.tick()).sent).toBe(0);
    await admit(1);
    expect((await lingering.tick()).sent).toBe(3);
  });

  it("crash after writing the intent, before sending: the chain says not checked in, so it is sent once", async () => {
    const ids = await admit(3);
    await expect(batcher({ faults: { afterIntent: crash } }).tick()).rejects.toThrow(SimulatedCrash);
    expect(await queueCounts(database.db)).toEqual({ pending: 0, inFlight: 3, confirmed: 0 });
    const report = await batcher().tick(); // the restarted process
    expect(report).toEqual({ sent: 3, confirmed: 3, requeued: 3 });
    expect(await signerTxCount()).toBe(1);
    await expectAllOnChainOnce(ids);
  });

  it("crash after sending, before recording the tx (node account): isCheckedIn confirms, nothing is sent again", async () => {
    const ids = await admit(3);
    await expect(batcher({ faults: { afterSend: crash } }).tick()).rejects.toThrow(SimulatedCrash);
    expect(await queueCounts(database.db)).toEqual({ pending: 0, inFlight: 3, confirmed: 0 });
    const report = await batcher().tick();
    expect(report).toEqual({ sent: 0, confirmed: 3, requeued: 0 });
    expect(await signerTxCount()).toBe(1);
    await expectAllOnChainOnce(ids);
  });

  it("a local key records the tx hash before broadcasting: after a crash the receipt confirms it", async () => {
    const account = privateKeyToAccount(generatePrivateKey());
    const wallet: WalletClient = createWalletClient({
      account,
      chain: chain.organizer.chain,
      transport: custom(chain.publicClient),
    });
    await chain.publicClient.waitForTransactionReceipt({
      hash: await chain.organizer.sendTransaction({
        account: chain.organizer.account!,
        chain: chain.organizer.chain,
        to: account.address,
        value: parseEther("1"),
      }),
    });
    await grant(account.address);
    signer = { address: account.address, wallet, signsLocally: true };
    const ids = await admit(3);
    await expect(batcher({ faults: { afterSend: crash } }).tick()).rejects.toThrow(SimulatedCrash);
    const rows = await database.db.query.checkIns.findMany();
    expect(new Set(rows.map((r) => r.chainTx)).size).toBe(1);
    expect(rows[0]!.chainTx).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await batcher().tick()).toEqual({ sent: 0, confirmed: 3, requeued: 0 });
    expect(await signerTxCount()).toBe(1);
    await expectAllOnChainOnce(ids);
  });

  it("a batch stuck in the mempool is not sent again while it is pending", async () => {
    const ids = await admit(3);
    await chain.publicClient.request({ method: "evm_setAutomine" as never, params: [false] as never });
    try {
      const b = batcher({ settings: { batchSize: 3, intervalMs: 0, confirmTimeoutMs: 200 } });
      expect((await b.tick()).sent).toBe(3); // receipt wait times out
      await new Promise((r) => setTimeout(r, 300));
      expect(await b.tick()).toEqual({ sent: 0, confirmed: 0, requeued: 0 });
      expect(await queueCounts(database.db)).toEqual({ pending: 0, inFlight: 3, confirmed: 0 });
      await chain.mineBlocks(1);
    } finally {
      await chain.publicClient.request({ method: "evm_setAutomine" as never, params: [true] as never });
    }
    expect(await batcher().tick()).toEqual({ sent: 0, confirmed: 3, requeued: 0 });
    expect(await signerTxCount()).toBe(1);
    await expectAllOnChainOnce(ids);
  });

  it("a ticket another gate already checked in on chain does not make the batch revert", async () => {
    const ids = await admit(3);
    const other = chain.bob;
    await grant(other.account!.address);
    await chain.publicClient.waitForTransactionReceipt({
      hash: await other.writeContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "checkIn",
        args: [[ids[1]!]],
        account: other.account!,
        chain: other.chain,
      }),
    });
    expect(await batcher().tick()).toEqual({ sent: 3, confirmed: 3, requeued: 0 });
    await expectAllOnChainOnce(ids);
  });

  it("a batch that would revert (event cancelled, no gate role) stays queued, and other events still go through", async () => {
    const cancelled = await chain.createEvent("Cancelled Night");
    const noRole = await chain.createEvent("No Role Night");
    await grant(signer.address, cancelled);
    const lost = [...(await admit(2, cancelled)), ...(await admit(2, noRole))];
    await chain.publicClient.waitForTransactionReceipt({
      hash: await chain.organizer.writeContract({
        address: cancelled,
        abi: eventTicketAbi,
        functionName: "cancelEvent",
        account: chain.organizer.account!,
        chain: chain.organizer.chain,
      }),
    });
    const ids = await admit(2);
    const logs: string[] = [];
    const report = await batcher({ log: (l) => logs.push(l) }).tick();
    expect(report).toEqual({ sent: 2, confirmed: 2, requeued: 0 });
    expect(await queueCounts(database.db)).toEqual({ pending: lost.length, inFlight: 0, confirmed: 2 });
    expect(logs.join("\n")).toMatch(/EventTicketCancelled/);
    expect(logs.join("\n")).toMatch(/AccessControlUnauthorizedAccount/);
    expect(await signerTxCount()).toBe(1); // nothing was sent that would revert
    await expectAllOnChainOnce(ids);
  });

  it("start/stop runs ticks in the background until every admission is on chain", async () => {
    const ids = await admit(5);
    const b = batcher({ settings: { batchSize: 2, intervalMs: 20, confirmTimeoutMs: 2_000 } });
    b.start();
    const deadline = Date.now() + 20_000;
    while ((await queueCounts(database.db)).confirmed < 5 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    await b.stop();
    await expectAllOnChainOnce(ids);
    expect((await b.status()).confirmed).toBe(5);
  });
});
