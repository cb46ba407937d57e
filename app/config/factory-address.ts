import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { DEFAULT_DEPLOYMENTS_FILE, type Deployment, pickDeployment } from "../../lib/deployments";

/**
 * Server only: this chain's record in `DEPLOYMENTS_FILE` (what `npm start`'s deploy wrote): the
 * factory address and the named stablecoins. Null when the file is missing or names no deployment
 * for this chain; the organizer page then says so instead of failing.
 */
export async function deploymentFromFile(
  env: Record<string, string | undefined>,
  chainId: number,
): Promise<Deployment | null> {
  const file = resolve(env.DEPLOYMENTS_FILE || DEFAULT_DEPLOYMENTS_FILE);
  try {
    return pickDeployment(JSON.parse(await readFile(file, "utf8")), chainId, file);
  } catch {
    return null;
  }
}
