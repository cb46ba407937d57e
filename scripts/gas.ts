/**
 * `npm run gas`: regenerates the committed gas numbers. benchmarks/gas-report.md + benchmarks/gas.json compare
 * EventTicket against bare OpenZeppelin 5 ERC721 and ERC721A 4 in the same run; .gas-snapshot holds
 * every Solidity test's gas, which `npm test` checks for drift.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { buildContracts, repoRoot } from "./lib/build-contracts";

const hardhat = join(repoRoot, "node_modules", "hardhat", "dist", "src", "cli.js");

function run(args: string[]): void {
  const result = spawnSync(process.execPath, [hardhat, ...args], { cwd: repoRoot, stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

await buildContracts();
run(["run", "scripts/gas-report.ts"]);
run(["test", "solidity", "--snapshot"]);
console.log("Gas report: benchmarks/gas-report.md, benchmarks/gas.json; per-test gas: .gas-snapshot");
