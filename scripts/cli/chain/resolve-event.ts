/**
 * The `<event>` argument: an event contract address, or the factory's event id (0, 1, …).
 * Either way the result is checked to be an event of this chain's Fairgate factory.
 */
import { readFile } from "node:fs/promises";
import { getAddress, isAddress, type Address } from "viem";
import { pickDeployment, DeploymentNotFoundError, type Deployment } from "../../../lib/deployments";
import { ticketFactoryAbi } from "../../../lib/generated/abis";
import { InputError, NotFoundError } from "../errors";
import type { ReadConnection } from "./connect";

export async function loadDeployment(conn: ReadConnection): Promise<Deployment> {
  const { deploymentsFile, chainId } = conn.config;
  const text = await readFile(deploymentsFile, "utf8").catch(() => undefined);
  if (text === undefined)
    throw new NotFoundError(
      `No deployments file at ${deploymentsFile}. Run \`fairgate deploy\` first (or set DEPLOYMENTS_FILE).`,
    );
  try {
    return pickDeployment(JSON.parse(text), chainId, deploymentsFile);
  } catch (e) {
    if (e instanceof DeploymentNotFoundError)
      throw new NotFoundError(`${e.message.split(".")[0]}. Run \`fairgate deploy\` for chain ${chainId}.`);
    throw new InputError(
      `${deploymentsFile} is not a valid deployments file: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

export type ResolvedEvent = { address: Address; factory: Address; deployment: Deployment };

export async function resolveEvent(conn: ReadConnection, arg: string): Promise<ResolvedEvent> {
  const deployment = await loadDeployment(conn);
  const factory = getAddress(deployment.factory);
  let address: Address;
  if (isAddress(arg, { strict: false })) {
    address = getAddress(arg);
  } else if (/^\d+$/.test(arg)) {
    const count = await conn.publicClient.readContract({
      address: factory,
      abi: ticketFactoryAbi,
      functionName: "eventCount",
    });
    if (BigInt(arg) >= count)
      throw new NotFoundError(`No event #${arg}: the factory has ${count} event(s) (ids 0–${count - 1n}).`);
    address = await conn.publicClient.readContract({
      address: factory,
      abi: ticketFactoryAbi,
      functionName: "events",
      args: [BigInt(arg)],
    });
  } else {
    throw new InputError(`"${arg}" is neither an event address (0x…) nor an event id (0, 1, …).`);
  }
  const known = await conn.publicClient.readContract({
    address: factory,
    abi: ticketFactoryAbi,
    functionName: "isEvent",
    args: [address],
  });
  if (!known)
    throw new NotFoundError(
      `${address} is not an event of the Fairgate factory ${factory} on chain ${conn.config.chainId}.`,
    );
  return { address, factory, deployment };
}
