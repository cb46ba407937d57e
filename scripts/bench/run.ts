/**
 * `npm run bench`: every benchmark, each printed as ratios against a baseline measured in the
 * same run: contract gas against OpenZeppelin 5 ERC721 and ERC721A 4, then the gate's scan endpoint.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../lib/build-contracts";

for (const task of ["gas", "bench-gate"]) {
  const result = spawnSync(process.execPath, [join(repoRoot, "scripts", "bootstrap.mjs"), task], { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
