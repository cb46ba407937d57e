/**
 * `npm run bench`: every benchmark, each printed as ratios against a baseline measured in the
 * same run. Today: contract gas against OpenZeppelin 5 ERC721 and ERC721A 4.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../lib/build-contracts";

const result = spawnSync(process.execPath, [join(repoRoot, "scripts", "bootstrap.mjs"), "gas"], { cwd: repoRoot, stdio: "inherit" });
// App pages: first-load JS and time to a visible pass QR, against the home page (benchmarks/app-pages.md).
const app = spawnSync(process.execPath, ["--import", join(repoRoot, "node_modules", "tsx", "dist", "loader.mjs"), join(repoRoot, "scripts", "bench", "app-pages.ts")], {
  cwd: repoRoot,
  stdio: "inherit",
});
process.exit(result.status || app.status || 0);
