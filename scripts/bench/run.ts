/**
 * `npm run bench`: every benchmark, each printed as ratios against a baseline measured in the same
 * run, results written under benchmarks/: contract gas (vs OpenZeppelin 5 ERC721 and ERC721A 4),
 * the gate's scan endpoint and the 50,000-ticket gate rush (vs raw signature verification), the indexer's cold sync and realtime
 * lag (vs raw eth_getLogs), the app's first-load JS and time to a visible pass (vs the home page), and
 * the seat map's first render, panning frame time and sold-seat propagation (vs a 4,400-seat hall).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../lib/build-contracts";

const failed: string[] = [];
for (const task of ["gas", "bench-gate", "bench:gate-rush", "bench:indexer", "bench-app", "bench:seats"]) {
  console.log(`\n━━ ${task} ━━`);
  const result = spawnSync(process.execPath, [join(repoRoot, "scripts", "bootstrap.mjs"), task], {
    cwd: repoRoot,
    stdio: "inherit",
  });
  if (result.status !== 0) failed.push(task);
}
if (failed.length > 0) console.error(`\nBenchmarks that failed to run: ${failed.join(", ")}`);
process.exit(failed.length > 0 ? 1 : 0);
