/**
 * Process faults under load: the indexer process (which is also the gate service and the on-chain
 * check-in batcher) is killed with SIGKILL at seeded random points while gates scan (fresh
 * tickets, double scans, ID numbers typed in) and batches wait in the mempool; every other kill
 * waits for a batch in flight. After each restart scans resume. At the end: every ticket the gate
 * ADMITted was admitted once, is still recorded, and is checked in on chain exactly once by the
 * gate signer with no reverted transaction; the check-in queue is fully confirmed.
 *
 * Secrets, in the same run: the identity pepper and the gate signer key come from files; all
 * output of every indexer process, plus /health and /metrics, must never contain the pepper, the
 * signer key or any ID number staff typed in.
 */
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getAddress, keccak256, toHex, type Abi, type Address, type PublicClient, type WalletClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite } from "../../indexer/db/open-pglite";
import { checkIns } from "../../indexer/db/schema";
import { queueCounts } from "../../indexer/gate/batcher/check-in-queue";
import { chainActivity } from "../../indexer/testing/activity";
import { eventTicketAbi } from "../../lib/generated/abis";
import { seededRandom } from "../../lib/random/seeded-random";
import { startChainNode, type ChainNode } from "../../scripts/lib/chain-node";
import { startIndexerProcess, waitIndexed, type IndexerProcess } from "../../scripts/lib/indexer-process";
import { localClients } from "../../scripts/lib/local-clients";
import { ProcessGroup } from "../../scripts/lib/process-group";
import { waitFor } from "../../scripts/lib/wait";
import { chaosSeed, recordChaos, scaled } from "./chaos-profile";
import { challengeScan } from "./challenge-scan";
import { findSecrets } from "../helpers/find-secrets";
import { ORGANIZER_CHANNEL } from "../../lib/channels";

const TICKETS = scaled(16, 60);
const KILLS = scaled(2, 6);
const GATES = 3;
/** Hardhat's well-known test account #4 (public test key, never a real one): the gate signer. */
const GATE_SIGNER = getAddress("0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65");
const GATE_SIGNER_KEY = "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a";
const PEPPER = `chaos-pepper-${chaosSeed}-7f3a9c1e5b`;
/** ID numbers staff type at the door (they must never reach a log). */
const ID_NUMBERS = ["X7341902", "CHAOSID4455", "P00912377"];

let group: ProcessGroup;
let dir: string;
let node: ChainNode;
let clients: Awaited<ReturnType<typeof localClients>>;
let ticket: Address;
let firstBlock = 0n;
const holderOf = new Map<bigint, Address>();
let logs = "";

const rpc = (method: string, params: unknown[]) =>
  clients.publicClient.request({ method: method as never, params: params as never });

beforeAll(async () => {
  group = new ProcessGroup();
  dir = await mkdtemp(join(tmpdir(), "fairgate-chaos-proc-"));
  node = await startChainNode(group, join(dir, "deployments.json"));
  clients = await localClients(node.rpcUrl);
  expect(clients.accounts[4]).toBe(GATE_SIGNER);
  const wallets = clients.accounts.slice(0, 4).map((a) => clients.wallet(a)) as unknown as WalletClient[];
  const activity = chainActivity({
    publicClient: clients.publicClient as unknown as PublicClient,
    wallets,
    factory: node.factory,
  });
  ticket = await activity.createTieredEvent("Kill Dash Nine");
  const t = { address: ticket, abi: eventTicketAbi as Abi };
  await activity.send(wallets[0]!, {
    ...t,
    functionName: "grantRole",
    args: [keccak256(toHex("GATE_ROLE")), GATE_SIGNER],
  });
  const to = Array.from({ length: TICKETS }, (_, i) => clients.accounts[1 + (i % 3)]!);
  const receipt = await activity.send(wallets[0]!, {
    ...t,
    functionName: "mintTier",
    args: [0, ORGANIZER_CHANNEL, to],
  });
  firstBlock = receipt.blockNumber;
  const first = (await activity.totalMinted(ticket)) - BigInt(TICKETS) + 1n;
  to.forEach((holder, i) => holderOf.set(first + BigInt(i), holder));
  // Blocks every 300 ms instead of per transaction: check-in batches wait in the mempool, where a kill can catch them.
  await rpc("evm_setAutomine", [false]);
  await rpc("evm_setIntervalMining", [300]);
});
afterAll(async () => {
  await group?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const signerHasPendingTx = async () =>
  (await clients.publicClient.getTransactionCount({ address: GATE_SIGNER, blockTag: "pending" })) >
  (await clients.publicClient.getTransactionCount({ address: GATE_SIGNER, blockTag: "latest" }));

describe("kill -9 of the indexer + gate + batcher process under load", () => {
  it("loses no admission, admits no ticket twice, checks in on chain exactly once, and logs no secret", async () => {
    const random = seededRandom(chaosSeed * 131 + 7);
    const keyFile = join(dir, "gate-signer.key");
    const pepperFile = join(dir, "identity-pepper");
    await writeFile(keyFile, `${GATE_SIGNER_KEY}\n`, { mode: 0o600 });
    await writeFile(pepperFile, `${PEPPER}\n`, { mode: 0o600 });
    const dataDir = join(dir, "pglite");
    const env = {
      GATE_SIGNER_KEY_FILE: keyFile,
      IDENTITY_PEPPER_FILE: pepperFile,
      GATE_BATCH_SIZE: "4",
      GATE_BATCH_INTERVAL_MS: "150",
      GATE_BATCH_CONFIRM_TIMEOUT_MS: "1500",
      SIWE_DOMAINS: "localhost:3000",
      POLL_INTERVAL_MS: "100",
    };
    const start = () =>
      startIndexerProcess(group, {
        rpcUrl: node.rpcUrl,
        factory: node.factory,
        fromBlock: node.fromBlock,
        dataDir,
        env,
        onOutput: (t) => (logs += t),
      });
    let indexer: IndexerProcess = await start();
    await waitIndexed(indexer.url, Number(firstBlock));

    const ids = [...holderOf.keys()];
    const admits = new Map<bigint, number>();
    const verdicts = new Map<string, number>();
    let unanswered = 0;
    let next = 0;
    let stop = false;
    // Fresh tickets are released in slices, one per kill, so every kill still finds admissions (and a
    // batch to catch in the mempool); with all of them free, a fast run admitted everything before the last kills.
    const slice = Math.ceil(ids.length / (KILLS + 1));
    let released = slice;
    const gate = async (g: number) => {
      while (!stop) {
        // One scan in five repeats a ticket scanned before (a double scan); the rest take the next fresh one.
        const fresh = next < released && random() >= 0.2;
        const id = fresh ? ids[next++]! : ids[Math.floor(random() * Math.max(1, next))]!;
        const idNumber = random() < 0.3 ? ID_NUMBERS[Math.floor(random() * ID_NUMBERS.length)] : undefined;
        try {
          const { status, verdict } = await challengeScan(
            clients,
            indexer.url,
            ticket,
            id,
            holderOf.get(id)!,
            `gate-${g}`,
            idNumber,
          );
          expect(status, JSON.stringify(verdict)).toBeLessThan(500);
          const key = verdict.result === "ADMIT" ? "ADMIT" : verdict.reason;
          verdicts.set(key, (verdicts.get(key) ?? 0) + 1);
          if (verdict.result === "ADMIT") admits.set(id, (admits.get(id) ?? 0) + 1);
        } catch (err) {
          if (err instanceof Error && err.name === "AssertionError") throw err;
          unanswered++; // the process died under this request: outcome unknown to the door
          if (fresh) next--; // …so the fan tries that ticket again
          await new Promise((r) => setTimeout(r, 100));
        }
        if (next >= released && random() < 0.5) await new Promise((r) => setTimeout(r, 200));
      }
    };
    const gates = Array.from({ length: GATES }, (_, g) => gate(g));

    const killedWhile: string[] = [];
    for (let k = 0; k < KILLS; k++) {
      if (k % 2 === 1) {
        await waitFor(
          "a check-in batch in the mempool",
          async () => ((await signerHasPendingTx()) ? true : undefined),
          { timeoutMs: 30_000, intervalMs: 5 },
        );
        killedWhile.push("batch in mempool");
      } else {
        await new Promise((r) => setTimeout(r, 300 + Math.floor(random() * 2_500)));
        killedWhile.push("scans in flight");
      }
      const exited = once(indexer.proc.child, "exit");
      process.kill(-indexer.proc.child.pid!, "SIGKILL");
      await exited;
      await new Promise((r) => setTimeout(r, Math.floor(random() * 500)));
      indexer = await start();
      released = Math.min(ids.length, released + slice);
    }
    released = ids.length;
    // Let every ticket be tried at least once more, then stop the gates.
    await waitFor("every ticket scanned", async () => (next >= ids.length ? true : undefined), {
      timeoutMs: 120_000,
      intervalMs: 200,
    });
    stop = true;
    await Promise.all(gates);

    // Every ticket scanned again now is already checked in: nothing admitted was lost.
    await rpc("evm_setIntervalMining", [0]);
    await rpc("evm_setAutomine", [true]);
    // Switching to automine leaves a batch already in the mempool there until some later tx; mine it
    // now, or a run that ends with the last batch pending waits forever (a CI run timed out so).
    await rpc("evm_mine", []);
    for (const id of admits.keys()) {
      const again = await challengeScan(clients, indexer.url, ticket, id, holderOf.get(id)!, "gate-audit");
      // A failure names the indexer's own account of it (its log lines for failed requests).
      const failures = () =>
        logs
          .split("\n")
          .filter((l) => l.includes(" failed: ") || l.startsWith("    at "))
          .slice(-30)
          .join("\n");
      expect(again.verdict, `ticket ${id}\n${failures()}`).toMatchObject({
        result: "DENY",
        reason: "ALREADY_CHECKED_IN",
      });
    }
    const twice = [...admits].filter(([, n]) => n > 1);
    expect(twice, "tickets ADMITted more than once").toEqual([]);

    const checked = (id: bigint) =>
      clients.publicClient.readContract({
        address: ticket,
        abi: eventTicketAbi,
        functionName: "isCheckedIn",
        args: [id],
      });
    const admittedIds = [...admits.keys()];
    await waitFor(
      "every admitted ticket checked in on chain",
      async () => ((await Promise.all(admittedIds.map(checked))).every(Boolean) ? true : undefined),
      { timeoutMs: 90_000 },
    );
    for (const path of ["/health", "/metrics"]) logs += await (await fetch(`${indexer.url}${path}`)).text();
    await new Promise((r) => setTimeout(r, 2_000));
    await indexer.kill("SIGTERM");

    // The database: one row per admitted ticket (plus any whose answer the kill swallowed), all confirmed.
    const db = await openPglite(dataDir);
    let rows: bigint[];
    let queue: Awaited<ReturnType<typeof queueCounts>>;
    try {
      rows = (await db.db.select({ tokenId: checkIns.tokenId }).from(checkIns)).map((r) => r.tokenId);
      queue = await queueCounts(db.db);
    } finally {
      await db.close();
    }
    for (const id of admittedIds) expect(rows).toContain(id);
    expect(queue).toEqual({ pending: 0, inFlight: 0, confirmed: rows.length });

    // On chain: CheckedIn exactly once per recorded ticket, from the gate signer; no reverted signer tx.
    const events = await clients.publicClient.getContractEvents({
      address: ticket,
      abi: eventTicketAbi,
      eventName: "CheckedIn",
      fromBlock: firstBlock,
    });
    const onChain = events.map((e) => e.args.tokenId!).sort((a, b) => (a < b ? -1 : 1));
    expect(onChain).toEqual([...rows].sort((a, b) => (a < b ? -1 : 1)));
    expect(new Set(events.map((e) => e.args.gate))).toEqual(new Set([GATE_SIGNER]));
    const head = await clients.publicClient.getBlockNumber();
    let signerTxs = 0;
    for (let n = firstBlock; n <= head; n++) {
      const block = await clients.publicClient.getBlock({ blockNumber: n, includeTransactions: true });
      for (const tx of block.transactions) {
        if (getAddress(tx.from) !== GATE_SIGNER) continue;
        signerTxs++;
        expect((await clients.publicClient.getTransactionReceipt({ hash: tx.hash })).status, tx.hash).toBe("success");
      }
    }

    // Secrets: nothing secret in any line any indexer process wrote, nor in /health or /metrics.
    expect(logs.length).toBeGreaterThan(0);
    const secrets = [PEPPER, GATE_SIGNER_KEY, GATE_SIGNER_KEY.slice(2), ...ID_NUMBERS];
    expect(findSecrets(logs, secrets), "secrets that appeared in the logs").toEqual([]);

    const verdictText = [...verdicts].map(([k, v]) => `${k} ${v}`).join(", ");
    console.log(
      `kills: ${killedWhile.join(", ")}; verdicts: ${verdictText}; unanswered (killed mid-request) ${unanswered}; admitted ${admits.size}/${TICKETS}; check_ins rows ${rows.length}; signer txs ${signerTxs}; log bytes scanned for secrets ${logs.length}`,
    );
    recordChaos({
      faultClass: "Process faults",
      injected:
        "SIGKILL of the indexer process (sync + gate service + check-in batcher) under scan load, at random points and with a batch in the mempool",
      count: KILLS,
      detail: `kills: ${killedWhile.join(", ")}; ${GATES} gates, ${TICKETS} tickets; verdicts ${verdictText}; ${unanswered} requests cut by a kill; ${signerTxs} checkIn txs`,
      lost: `nothing: ${admits.size} ADMITs, each once, all still recorded; ${rows.length} check-ins confirmed, CheckedIn once each on chain, 0 reverted txs`,
      checks: [
        "no ticket ADMITted twice",
        "every ADMIT recorded after restarts",
        "CheckedIn exactly once per check-in row",
        "queue fully confirmed",
        "no reverted gate-signer tx",
      ],
    });
    recordChaos({
      faultClass: "Secrets",
      injected:
        "identity pepper and gate signer key from files; ID numbers typed at the door; all process output + /health + /metrics grepped",
      count: secrets.length,
      detail: `${logs.length} bytes of output from ${KILLS + 1} indexer processes`,
      lost: "nothing leaked: 0 occurrences of the pepper, the signer key (with or without 0x) or any ID number",
      checks: ["pepper never logged", "signer key never logged", "ID numbers never logged"],
    });
  });
});
