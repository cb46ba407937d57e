/** `npm run build`: contracts, typed ABIs, then the production Next.js build of the app. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildContracts, repoRoot } from "./lib/build-contracts";

await buildContracts();
console.log("Contracts compiled, ABIs written to lib/generated/abis.ts");
const next = spawnSync(join(repoRoot, "node_modules", ".bin", "next"), ["build"], { cwd: repoRoot, stdio: "inherit" });
process.exit(next.status ?? 1);
