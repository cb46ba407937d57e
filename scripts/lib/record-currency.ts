/** Adds a named stablecoin to a chain's record in the deployments file, so the app's create form offers it by name. */
import { readFile, writeFile } from "node:fs/promises";
import { type DeploymentCurrency, deploymentsFileSchema } from "../../lib/deployments";

export async function recordCurrency(file: string, chainId: number, currency: DeploymentCurrency): Promise<void> {
  const all = deploymentsFileSchema.parse(JSON.parse(await readFile(file, "utf8")));
  const record = all[String(chainId)];
  if (!record) throw new Error(`No deployment for chain ${chainId} in ${file}: deploy before recording a currency.`);
  const others = (record.currencies ?? []).filter((c) => c.address.toLowerCase() !== currency.address.toLowerCase());
  all[String(chainId)] = { ...record, currencies: [...others, currency] };
  await writeFile(file, `${JSON.stringify(all, null, 2)}\n`);
}
