/**
 * `npm run sim:onsale`: the on-sale scalper simulation. A real Hardhat node and contracts, the real
 * indexer + waiting room (in this process, served over loopback HTTP), thousands of simulated fans,
 * bots, hoarders and touts, under each rule set. Prints a table and writes benchmarks/onsale.{md,json,svg}.
 *
 * SIM_FANS, SIM_SUPPLY, SIM_SEED scale and vary the run (defaults: 1000 fans, 300 tickets, seed 1).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseEther, toHex } from "viem";
import { z } from "zod";
import { loadConfig } from "../../../indexer/config";
import { startIndexer } from "../../../indexer/main";
import { deployLocal } from "../../deploy";
import { repoRoot } from "../../lib/build-contracts";
import { localClients } from "../../lib/local-clients";
import { ProcessGroup, whileAlive } from "../../lib/process-group";
import { freePort, waitForRpc } from "../../lib/wait";
import { limitedFetch } from "./limited-fetch";
import { DEFAULT_POPULATION, makePopulation } from "./population";
import { chartSvg, markdownTable, targetLine } from "./report";
import { RULE_SETS } from "./rule-sets";
import { runRuleSet, type RuleSetResult, type SimContext } from "./run-rule-set";
import { createSimIdentityProvider } from "./sim-identity-provider";

const env = z
  .object({
    SIM_FANS: z.coerce.number().int().min(10).max(20_000).default(DEFAULT_POPULATION.fans),
    SIM_SUPPLY: z.coerce.number().int().min(10).max(5_000).default(300),
    SIM_SEED: z.coerce.number().int().default(1),
    SIM_KYC_MISS_RATE: z.coerce.number().min(0).max(1).default(0.02),
  })
  .parse(process.env);

const PEPPER = "simulation-pepper-not-secret";
const ADMIN = "simulation-admin-token";
const hardhatCli = join(repoRoot, "node_modules", "hardhat", "dist", "src", "cli.js");

async function main() {
  const t0 = Date.now();
  const log = (line: string) => console.log(`[sim ${((Date.now() - t0) / 1000).toFixed(0).padStart(3)} s] ${line}`);
  const group = new ProcessGroup();
  const dir = await mkdtemp(join(tmpdir(), "fairgate-sim-"));
  let indexer: Awaited<ReturnType<typeof startIndexer>> | undefined;
  try {
    const port = await freePort();
    const rpcUrl = `http://127.0.0.1:${port}`;
    const node = group.start(
      "chain",
      process.execPath,
      [hardhatCli, "node", "--hostname", "127.0.0.1", "--port", String(port)],
      { cwd: repoRoot },
    );
    await whileAlive(node, waitForRpc(rpcUrl, 60_000));
    const deployment = await deployLocal({ rpcUrl, deploymentsFile: join(dir, "deployments.json") });
    const { chain, publicClient, accounts, wallet } = await localClients(rpcUrl);
    log(`chain ${rpcUrl}, factory ${deployment.factory}`);

    const population = { ...DEFAULT_POPULATION, fans: env.SIM_FANS };
    const { agents, registry } = makePopulation(population, env.SIM_SEED, 3_000, 4_000);
    const identity = createSimIdentityProvider(PEPPER, registry, env.SIM_KYC_MISS_RATE);
    indexer = await startIndexer(
      loadConfig({
        RPC_URL: rpcUrl,
        CHAIN_ID: "31337",
        FACTORY_ADDRESS: deployment.factory,
        FROM_BLOCK: String(deployment.fromBlock),
        DATA_DIR: "memory://",
        PORT: "0",
        POLL_INTERVAL_MS: "200",
        IDENTITY_PEPPER: PEPPER,
        ONSALE_ADMIN_TOKEN: ADMIN,
        TRUSTED_PROXY_HOPS: "1", // the simulated agents' IPs arrive as X-Forwarded-For, as from one proxy
        ONSALE_ADMIT_INTERVAL_MS: "50",
      }),
      { onsale: { identity: identity.provider }, log: () => {} },
    );
    log(
      `indexer + waiting room ${indexer.url}; ${agents.length} agents (${population.fans} fans, ${population.botOperators}×${population.botWallets} bot wallets, ${population.hoarders}×${population.idsPerHoarder} hoarder IDs, ${population.touts} touts)`,
    );

    // Fund every agent wallet once (hardhat_setBalance), a few at a time.
    const balance = toHex(parseEther("10"));
    for (let i = 0; i < agents.length; i += 50) {
      await Promise.all(
        agents.slice(i, i + 50).map((a) =>
          publicClient.request({
            method: "hardhat_setBalance" as never,
            params: [a.account.address, balance] as never,
          }),
        ),
      );
    }
    const ctx: SimContext = {
      rpcUrl,
      indexerUrl: indexer.url,
      adminToken: ADMIN,
      chain,
      publicClient: publicClient as never,
      organizer: wallet(accounts[0]!) as never,
      factory: deployment.factory as `0x${string}`,
      fetch: limitedFetch(48),
      enableKyc: identity.enableKyc,
      log,
    };
    const results: RuleSetResult[] = [];
    for (const [i, rules] of RULE_SETS.entries()) {
      log(`rule set "${rules.name}" …`);
      const r = await runRuleSet(ctx, rules, agents, env.SIM_SUPPLY, i);
      results.push(r);
      log(
        `  sold ${r.sold}/${r.supply} in ${r.seconds.toFixed(0)} s; held ${JSON.stringify(r.held)}; off-market ${r.resoldAboveFace} sold, ${r.offMarketBlocked} blocked; official market ${r.resoldOnMarket}; refusals ${JSON.stringify(r.refusals)}`,
      );
    }
    const table = markdownTable(results);
    console.log(`\n${table}\n\n${targetLine(results)}\n`);
    const note = [
      "# On-sale simulation (`npm run sim:onsale`)",
      "",
      `Run ${new Date().toISOString()}, ${((Date.now() - t0) / 1000).toFixed(0)} s on this machine. Seed ${env.SIM_SEED}; ${env.SIM_SUPPLY} tickets at face 0.01 ETH per rule set;`,
      `${population.fans} fans (want 1–2, 40 % arrive before the on-sale time, react in 0.3–1.5 s, poll every 1–4 s), ${population.botOperators} bot operators × ${population.botWallets} wallets`,
      `(5 proxy IPs each, fake well-formed IDs, all early, 20 ms reactions), ${population.hoarders} hoarders × ${population.idsPerHoarder} bought real IDs (one wallet each),`,
      `${population.touts} touts (own ID). Admission 100 fans/s. KYC miss rate for a bought ID: ${env.SIM_KYC_MISS_RATE * 100} %.`,
      "After the sale every scalper (bot, hoarder, tout) offers each ticket off-market at 3× face to a fan who got none (a plain transfer after an OTC deal);",
      "where the tier refuses off-market transfers, the scalper recoups on the official market at the cap (here: face value) and a fan without a ticket buys it there.",
      "",
      table,
      "",
      targetLine(results),
      "",
      `Rule sets: ${RULE_SETS.map((r) => `**${r.name}**: ${describe(r)}`).join("; ")}.`,
      "",
      "Shares are of tickets sold, counted from the indexer's `/tickets?owner=` after it caught up (checked equal to `totalMinted` on chain).",
      "Median wait: real fans, from max(join, on-sale time) to admission.",
      "",
      "![chart](onsale.svg)",
      "",
    ].join("\n");
    await writeFile(join(repoRoot, "benchmarks", "onsale.md"), note);
    await writeFile(join(repoRoot, "benchmarks", "onsale.svg"), chartSvg(results));
    await writeFile(join(repoRoot, "benchmarks", "onsale.json"), JSON.stringify(results, null, 2));
    log("wrote benchmarks/onsale.md, onsale.svg, onsale.json");
  } finally {
    await indexer?.close();
    await group.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

function describe(r: (typeof RULE_SETS)[number]): string {
  const parts = [
    r.lottery ? "lottery for early arrivals" : "first come, first served",
    `≤ ${r.perPerson} per voucher/wallet`,
    r.contractMaxPerWallet ? `contract wallet cap ${r.contractMaxPerWallet}` : "",
    r.identityRequired
      ? r.kyc
        ? "ID checked by KYC (document + liveness)"
        : "ID number (any well-formed), identity cap"
      : "",
    r.powBits ? `${r.powBits}-bit proof of work` : "",
    r.ipJoinsPerMinute ? `${r.ipJoinsPerMinute} joins/min per IP` : "",
    r.walletRequestsPerMinute ? `${r.walletRequestsPerMinute} req/min per wallet` : "",
    r.mode === 1 ? "market-only tier (resale ≤ face)" : "free transfers",
  ];
  return parts.filter(Boolean).join(", ");
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
