/**
 * `fairgate status` / `export checkins` with INDEXER_URL: a gate admission the indexer recorded
 * (not yet batched on chain) counts as a check-in, marked "gate"; without the indexer it does not.
 * With the indexer, status reads its per-tier counts instead of the chain's logs.
 * Real processes: Hardhat node, the indexer process, a holder's wallet signing the SIWE challenge.
 */
import { writeFile } from "node:fs/promises";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildChallengeMessage, type GateChallenge } from "../../lib/gate/challenge-message";
import { bufferIo } from "../../scripts/cli/cli-io";
import { runCli } from "../../scripts/cli/program";
import { localClients } from "../../scripts/lib/local-clients";
import { startProviderSimulator } from "../../scripts/lib/provider-simulator/provider-simulator";
import { waitFor } from "../../scripts/lib/wait";
import { startLocalStack, type LocalStack } from "../helpers/local-stack";

let stack: LocalStack;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  stack = await startLocalStack();
  dir = await mkdtemp(join(tmpdir(), "fairgate-cli-e2e-"));
  const deploymentsFile = join(dir, "deployments.json");
  await writeFile(
    deploymentsFile,
    JSON.stringify({
      31337: { chainId: 31337, factory: stack.factory, fromBlock: 0, deployedAt: new Date().toISOString() },
    }),
  );
  env = { RPC_URL: stack.rpcUrl, CHAIN_ID: "31337", DEPLOYMENTS_FILE: deploymentsFile, FAIRGATE_STATE_DIR: dir };
});

afterAll(async () => {
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function cli(args: string[], extra: Record<string, string> = {}) {
  const io = bufferIo();
  const code = await runCli(args, io, { ...env, ...extra });
  return { code, stdout: io.stdout.join("\n"), stderr: io.stderr.join("\n") };
}

describe("fairgate status with the indexer", () => {
  it("counts gate admissions the indexer recorded", async () => {
    const clients = await localClients(stack.rpcUrl);
    const holder = stack.demo.holders[0]!;
    const tokenId = holder.tokenIds[0]!;
    await waitFor("indexer to see the demo mint", async () => {
      const res = await fetch(`${stack.indexerUrl}/tickets?owner=${holder.account}`);
      return ((await res.json()) as { tickets: unknown[] }).tickets.length > 0 ? true : undefined;
    });
    const challenge = (await (
      await fetch(`${stack.indexerUrl}/gate/challenge`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ contract: stack.demo.ticket, gateId: "north-1" }),
      })
    ).json()) as GateChallenge;
    const message = buildChallengeMessage(challenge, holder.account, tokenId);
    const signature = await clients.wallet(holder.account).signMessage({ account: holder.account, message });
    const verdict = await (
      await fetch(`${stack.indexerUrl}/gate/scan`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message, signature }),
      })
    ).json();
    expect(verdict).toMatchObject({ result: "ADMIT" });

    const chainOnly = await cli(["--json", "status", stack.demo.ticket]);
    expect(chainOnly.code, chainOnly.stderr).toBe(0);
    expect(JSON.parse(chainOnly.stdout).total).toMatchObject({ minted: 4, checkedIn: 0 });

    // With the indexer, status reads its per-tier counts: a handful of RPC calls (counted by a provider simulator
    // in front of the chain), the same figures as the chain's logs, plus the gate admission.
    const sim = await startProviderSimulator({ upstream: stack.rpcUrl, maxLogRange: 2_000 });
    let withIndexer: Awaited<ReturnType<typeof cli>>;
    try {
      withIndexer = await cli(["--json", "status", "0"], { INDEXER_URL: stack.indexerUrl, RPC_URL: sim.url });
      expect(sim.totals().calls).toBeLessThanOrEqual(50);
      expect(sim.stats().methods.eth_getLogs).toBeUndefined();
    } finally {
      await sim.close();
    }
    expect(withIndexer.code, withIndexer.stderr).toBe(0);
    const fromIndexer = JSON.parse(withIndexer.stdout) as {
      total: Record<string, number>;
      tiers: Record<string, number>[];
      zones: Record<string, number>[];
    };
    expect(fromIndexer.total).toMatchObject({ minted: 4, complimentary: 4, checkedIn: 1 });
    const fromChain = JSON.parse(chainOnly.stdout) as typeof fromIndexer;
    const apartFromCheckIns = (rows: Record<string, number>[]) =>
      rows.map(({ checkedIn: _, noShows: __, ...rest }) => rest);
    expect(apartFromCheckIns(fromIndexer.tiers)).toEqual(apartFromCheckIns(fromChain.tiers));
    expect(apartFromCheckIns(fromIndexer.zones)).toEqual(apartFromCheckIns(fromChain.zones));

    const checkins = await cli(["export", "0", "checkins", "--indexer-url", stack.indexerUrl]);
    const rows = checkins.stdout.split(/\r?\n/).slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.split(",").slice(0, 4)).toEqual([tokenId.toString(), "0", holder.account, "gate"]);
    expect(rows[0]!.split(",")[7]).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("says so when the indexer cannot be reached", async () => {
    const run = await cli(["status", "0"], { INDEXER_URL: "http://127.0.0.1:9" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /error \[INDEXER\]: Cannot read the event from the indexer at http:\/\/127\.0\.0\.1:9.*Unset INDEXER_URL/,
    );
  });
});
