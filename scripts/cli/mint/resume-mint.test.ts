/**
 * Resuming a mint: the real CLI process is killed mid-mint (SIGKILL, no clean-up), with blocks
 * mined on an interval so a batch is in flight; the re-run finishes without minting twice. Then
 * the worst case: the journal lost the record of batches that are on chain (a crash between send
 * and record); the chain check finds them and nothing is sent again.
 */
import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAddress, type Address } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { repoRoot } from "../../lib/build-contracts";
import { localClients } from "../../lib/local-clients";
import { waitFor } from "../../lib/wait";
import { startLocalNode, type LocalNode } from "../testing/local-node";
import type { MintJournal } from "./mint-journal";

let node: LocalNode;
let clients: Awaited<ReturnType<typeof localClients>>;
let event: Address;

const wallets = (n: number) => Array.from({ length: n }, () => privateKeyToAccount(generatePrivateKey()).address);

beforeAll(async () => {
  node = await startLocalNode();
  clients = await localClients(node.rpcUrl);
  expect((await node.cli(["deploy"])).code).toBe(0);
  const now = Number((await clients.publicClient.getBlock()).timestamp);
  const spec = join(node.dir, "e.json");
  await writeFile(
    spec,
    JSON.stringify({
      name: "Resume",
      symbol: "RES",
      start: now + 86_400,
      end: now + 90_000,
      tiers: [
        { name: "A", price: 0, supply: 1000, zones: ["general"] },
        { name: "B", price: 0, supply: 1000, zones: ["general"] },
      ],
    }),
  );
  event = (await node.cli(["--json", "event", "create", spec])).json<{ event: Address }>().event;
});

afterAll(async () => {
  await node?.stop();
});

async function tierBalances(list: Address[], tier: number): Promise<Map<string, number>> {
  const logs = await clients.publicClient.getContractEvents({
    address: event,
    abi: eventTicketAbi,
    eventName: "TicketsMinted",
    args: { tier },
    fromBlock: 0n,
  });
  const counts = new Map<string, number>(list.map((a) => [a.toLowerCase(), 0]));
  for (const log of logs) {
    for (let id = log.args.firstTokenId!; id < log.args.firstTokenId! + log.args.count!; id++) {
      const owner = (
        await clients.publicClient.readContract({
          address: event,
          abi: eventTicketAbi,
          functionName: "ownerOf",
          args: [id],
        })
      ).toLowerCase();
      counts.set(owner, (counts.get(owner) ?? 0) + 1);
    }
  }
  return counts;
}

describe("mint resume", () => {
  it("finishes after the process is killed mid-mint, minting every wallet exactly once", async () => {
    const list = wallets(40);
    const csv = join(node.dir, "forty.csv");
    await writeFile(csv, `wallet\n${list.join("\n")}\n`);
    const journalFile = join(node.dir, "forty.journal.json");
    // Slow blocks: a batch waits ~0.4 s to be mined, so the kill lands with work in flight.
    await clients.publicClient.request({ method: "evm_setAutomine" as never, params: [false] as never });
    await clients.publicClient.request({ method: "evm_setIntervalMining" as never, params: [400] as never });
    try {
      const child = spawn(
        process.execPath,
        [
          join(repoRoot, "scripts", "cli", "bin.mjs"),
          "mint",
          event,
          csv,
          "--tier",
          "0",
          "--batch-size",
          "2",
          "--journal",
          journalFile,
        ],
        {
          cwd: repoRoot,
          env: { PATH: process.env.PATH, HOME: process.env.HOME, ...node.env } as unknown as NodeJS.ProcessEnv,
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
      let output = "";
      child.stdout!.on("data", (b: Buffer) => (output += b));
      child.stderr!.on("data", (b: Buffer) => (output += b));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code: number | null) => resolve(code)));
      // Kill once a few batches are confirmed and the next one is being sent.
      await waitFor(
        "three confirmed batches in the journal",
        async () => {
          const j = JSON.parse(await readFile(journalFile, "utf8")) as MintJournal;
          return j.batches.filter((b) => b.status === "confirmed").length >= 3 ? true : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 50 },
      ).catch((e: Error) => {
        throw new Error(`${e.message}\n${output}`);
      });
      child.kill("SIGKILL");
      expect(await exited).toBeNull(); // killed, not finished
      const interrupted = JSON.parse(await readFile(journalFile, "utf8")) as MintJournal;
      const confirmedBefore = interrupted.batches.filter((b) => b.status === "confirmed").length;
      expect(confirmedBefore).toBeLessThan(20);

      console.log(
        `killed with ${confirmedBefore}/20 batches confirmed; in flight: ${
          interrupted.batches
            .filter((b) => b.status === "sending")
            .map((b) => `#${b.index}${b.txHash ? " (sent)" : ""}`)
            .join(", ") || "none"
        }`,
      );
      const resumed = await node.cli([
        "--json",
        "mint",
        event,
        csv,
        "--tier",
        "0",
        "--batch-size",
        "2",
        "--journal",
        journalFile,
      ]);
      expect(resumed.code, resumed.stderr).toBe(0);
      const result = resumed.json<{
        total: number;
        mintedNow: number;
        alreadyMinted: number;
        resumed: boolean;
        batches: number;
      }>();
      expect(result).toMatchObject({ total: 40, batches: 20, resumed: true });
      expect(result.alreadyMinted).toBeGreaterThanOrEqual(confirmedBefore * 2);
      expect(result.alreadyMinted + result.mintedNow).toBe(40);
    } finally {
      await clients.publicClient.request({ method: "evm_setIntervalMining" as never, params: [0] as never });
      await clients.publicClient.request({ method: "evm_setAutomine" as never, params: [true] as never });
    }
    const counts = await tierBalances(list, 0);
    expect(
      [...counts.values()].every((n) => n === 1),
      JSON.stringify([...counts]),
    ).toBe(true);
    expect(
      await clients.publicClient.readContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "tierMinted",
        args: [0],
      }),
    ).toBe(40n);
  });

  it("never re-sends batches that are on chain when the journal lost their record", async () => {
    const list = wallets(12);
    const csv = join(node.dir, "twelve.csv");
    await writeFile(csv, list.join("\n"));
    const journalFile = join(node.dir, "twelve.journal.json");
    const first = await node.cli([
      "--json",
      "mint",
      event,
      csv,
      "--tier",
      "1",
      "--batch-size",
      "3",
      "--journal",
      journalFile,
    ]);
    expect(first.json()).toMatchObject({ mintedNow: 12, batches: 4 });

    // As if the process died right after sending batches 2–4: sent, but recorded as "sending" with no hash.
    const journal = JSON.parse(await readFile(journalFile, "utf8")) as MintJournal;
    for (const b of journal.batches.slice(1)) {
      b.status = "sending";
      delete b.txHash;
      delete b.firstTokenId;
    }
    await writeFile(journalFile, JSON.stringify(journal));
    const block = await clients.publicClient.getBlockNumber({ cacheTime: 0 });

    const again = await node.cli([
      "--json",
      "mint",
      event,
      csv,
      "--tier",
      "1",
      "--batch-size",
      "3",
      "--journal",
      journalFile,
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.json()).toMatchObject({ mintedNow: 0, alreadyMinted: 12, resumed: true, txHashes: [] });
    expect(await clients.publicClient.getBlockNumber({ cacheTime: 0 })).toBe(block);
    const repaired = JSON.parse(await readFile(journalFile, "utf8")) as MintJournal;
    expect(repaired.batches.map((b) => b.status)).toEqual(["confirmed", "confirmed", "confirmed", "confirmed"]);
    expect(repaired.batches.map((b) => b.firstTokenId)).toEqual(journal.batches.map((_, i) => String(40 + 1 + i * 3)));
    const counts = await tierBalances(list, 1);
    expect([...counts.values()]).toEqual(Array(12).fill(1));
  });

  it("refuses a journal that belongs to another list or signer", async () => {
    const csv = join(node.dir, "other.csv");
    await writeFile(csv, wallets(2).join("\n"));
    const wrongList = await node.cli([
      "mint",
      event,
      csv,
      "--tier",
      "1",
      "--journal",
      join(node.dir, "twelve.journal.json"),
    ]);
    expect(wrongList.stderr).toMatch(/belongs to another mint/);
    const twelve = join(node.dir, "twelve.csv");
    const notMinter = await node.cli(
      ["mint", event, twelve, "--tier", "1", "--journal", join(node.dir, "twelve.journal.json")],
      { FAIRGATE_ACCOUNT: "1" },
    );
    expect(notMinter.stderr).toMatch(/error \[NOT_AUTHORIZED\]: 0x[0-9a-fA-F]{40} may not mint/);
    // A second minter may not pick up the organizer's journal: its batches would not match the chain check.
    const minterRole = await clients.publicClient.readContract({
      address: event,
      abi: eventTicketAbi,
      functionName: "MINTER_ROLE",
    });
    const hash = await clients.wallet(clients.accounts[0]!).writeContract({
      address: event,
      abi: eventTicketAbi,
      functionName: "grantRole",
      args: [minterRole, clients.accounts[1]!],
      account: clients.accounts[0]!,
      chain: clients.chain,
    });
    await clients.publicClient.waitForTransactionReceipt({ hash });
    const otherSigner = await node.cli(
      ["mint", event, twelve, "--tier", "1", "--journal", join(node.dir, "twelve.journal.json")],
      { FAIRGATE_ACCOUNT: "1" },
    );
    expect(otherSigner.stderr).toMatch(
      new RegExp(`was started by ${getAddress(clients.accounts[0]!)}; resume it with the same signer`),
    );
  });

  it("sizes batches to the gas cap when no batch size is given", async () => {
    const list = wallets(30);
    const csv = join(node.dir, "thirty.csv");
    await writeFile(csv, list.join("\n"));
    // ~50k gas per new wallet: a 600k cap allows about 10 per transaction.
    const run = await node.cli(["--json", "mint", event, csv, "--tier", "1", "--max-gas", "600000"]);
    expect(run.code, run.stderr).toBe(0);
    const result = run.json<{ batchSize: number; batches: number; txHashes: `0x${string}`[] }>();
    expect(result.batchSize).toBeGreaterThan(3);
    expect(result.batchSize).toBeLessThan(30);
    for (const hash of result.txHashes) {
      expect((await clients.publicClient.getTransactionReceipt({ hash })).gasUsed).toBeLessThanOrEqual(600_000n);
    }
  });
});
