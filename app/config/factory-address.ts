import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { DEFAULT_DEPLOYMENTS_FILE, pickDeployment } from "../../lib/deployments";

/**
 * Server only: the factory address from `DEPLOYMENTS_FILE` (what `npm start`'s deploy wrote),
 * or null when the file is missing or names no deployment for this chain. The organizer page
 * then says so instead of failing.
 */
export async function factoryFromDeployments(
  env: Record<string, string | undefined>,
  chainId: number,
): Promise<`0x${string}` | null> {
  const file = resolve(env.DEPLOYMENTS_FILE || DEFAULT_DEPLOYMENTS_FILE);
  try {
    const record = pickDeployment(JSON.parse(await readFile(file, "utf8")), chainId, file);
    return record.factory as `0x${string}`;
  } catch {
    return null;
  }
}
