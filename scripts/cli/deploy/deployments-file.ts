/** Reads and updates the one deployments file (all chains) the indexer and the app read. */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { deploymentsFileSchema, type Deployment, type DeploymentsFile } from "../../../lib/deployments";
import { InputError } from "../errors";

export async function readDeploymentsFile(file: string): Promise<DeploymentsFile> {
  const text = await readFile(file, "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return undefined;
    throw e;
  });
  if (text === undefined) return {};
  const parsed = deploymentsFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new InputError(
      `${file} is not a valid deployments file; fix or move it before deploying.`,
      parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`),
    );
  return parsed.data;
}

/** Replaces one chain's record, keeping every other chain's; atomic (write, then rename). */
export async function recordDeployment(file: string, deployment: Deployment): Promise<void> {
  const all = await readDeploymentsFile(file);
  all[String(deployment.chainId)] = deployment;
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(all, null, 2)}\n`);
  await rename(tmp, file);
}
