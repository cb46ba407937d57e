import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { generateAbis } from "../gen-abis";

export const repoRoot = join(import.meta.dirname, "..", "..");

/** `hardhat build` (offline, solc-js) then the typed ABI module; throws with Hardhat's output on failure. */
export async function buildContracts(): Promise<void> {
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, "node_modules", "hardhat", "dist", "src", "cli.js"), "build"],
    {
      cwd: repoRoot,
      encoding: "utf8",
    },
  );
  if (result.status !== 0) {
    throw new Error(`hardhat build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  await generateAbis();
}
