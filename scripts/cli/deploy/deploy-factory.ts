/**
 * Deploys Fairgate (the TicketFactory, which creates its ResaleMarket) to the configured chain,
 * idempotently: if the deployments file already names a factory for this chain and that address
 * holds a working factory, nothing is sent. `dryRun` prints the plan and its estimated cost only.
 *
 * A small viem deploy rather than Hardhat Ignition: one contract with no constructor arguments,
 * signed with the CLI's own key handling, and recorded in the single deployments file the
 * indexer and the app already read (Ignition keeps its own journal per chain beside it).
 */
import { formatEther, formatGwei, getAddress, type Address, type Hash } from "viem";
import type { Deployment } from "../../../lib/deployments";
import { resaleMarketAbi, ticketFactoryAbi, ticketFactoryBytecode } from "../../../lib/generated/abis";
import type { WriteConnection } from "../chain/connect";
import { toCliError } from "../chain/decode-error";
import { CliError, InsufficientFundsError } from "../errors";
import { readDeploymentsFile, recordDeployment } from "./deployments-file";

export type DeployPlan = {
  chainId: number;
  rpcUrl: string;
  deployer: Address;
  deploymentsFile: string;
  action: "deploy" | "skip";
  /** Why the action: "already deployed at …", "no record for this chain", … */
  reason: string;
  existing?: Deployment;
  estimatedGas?: bigint;
  maxFeePerGas?: bigint;
  estimatedCost?: bigint;
  balance: bigint;
};

export type DeployResult = { plan: DeployPlan; deployment?: Deployment; txHash?: Hash };

export async function planDeploy(conn: WriteConnection, opts: { force?: boolean } = {}): Promise<DeployPlan> {
  const { chainId, deploymentsFile, rpcUrl } = conn.config;
  const existing = (await readDeploymentsFile(deploymentsFile))[String(chainId)];
  const balance = await conn.publicClient.getBalance({ address: conn.signer.address });
  const base = { chainId, rpcUrl, deployer: conn.signer.address, deploymentsFile, existing, balance };

  let reason = "no deployment recorded for this chain";
  if (existing) {
    const live = await isLiveFactory(conn, getAddress(existing.factory));
    if (live && !opts.force) return { ...base, action: "skip", reason: `already deployed: factory ${existing.factory} (block ${existing.fromBlock})` };
    reason = live ? "--force: deploying a new factory beside the recorded one" : `the recorded factory ${existing.factory} has no code on this chain (a fresh node?)`;
  }
  let estimatedGas: bigint;
  try {
    estimatedGas = await conn.publicClient.estimateGas({ account: conn.signer.account, data: ticketFactoryBytecode });
  } catch (e) {
    throw toCliError(e, "Estimating the deploy gas");
  }
  const maxFeePerGas = await feePerGas(conn);
  return { ...base, action: "deploy", reason, estimatedGas, maxFeePerGas, estimatedCost: estimatedGas * maxFeePerGas };
}

export async function deployFactory(conn: WriteConnection, opts: { dryRun?: boolean; force?: boolean } = {}): Promise<DeployResult> {
  const plan = await planDeploy(conn, opts);
  if (plan.action === "skip" || opts.dryRun) return { plan, deployment: plan.action === "skip" ? plan.existing : undefined };
  if (plan.estimatedCost! > plan.balance) {
    throw new InsufficientFundsError(`${plan.deployer} has ${formatEther(plan.balance)} ETH; the deploy may cost up to ${formatEther(plan.estimatedCost!)} ETH. Fund it and retry.`);
  }
  let hash: Hash;
  try {
    hash = await conn.wallet.deployContract({ abi: ticketFactoryAbi, bytecode: ticketFactoryBytecode, account: conn.signer.account, chain: conn.chain });
  } catch (e) {
    throw toCliError(e, "Deploying the TicketFactory");
  }
  const receipt = await conn.publicClient.waitForTransactionReceipt({ hash, timeout: 600_000 });
  if (receipt.status !== "success" || !receipt.contractAddress) throw new CliError("DEPLOY_FAILED", `The TicketFactory deploy reverted in ${hash}.`);
  const factory = getAddress(receipt.contractAddress);
  const market = await conn.publicClient.readContract({ address: factory, abi: ticketFactoryAbi, functionName: "market", blockNumber: receipt.blockNumber });
  const waitlist = await conn.publicClient.readContract({ address: market, abi: resaleMarketAbi, functionName: "waitlist", blockNumber: receipt.blockNumber });
  const deployment: Deployment = {
    chainId: plan.chainId,
    factory,
    market,
    waitlist,
    fromBlock: Number(receipt.blockNumber),
    deployedAt: new Date().toISOString(),
    deployer: plan.deployer,
    txHash: hash,
  };
  await recordDeployment(plan.deploymentsFile, deployment);
  return { plan, deployment, txHash: hash };
}

/** Code at the address and a factory's `market()` answering: not just any contract. */
async function isLiveFactory(conn: WriteConnection, factory: Address): Promise<boolean> {
  const code = await conn.publicClient.getCode({ address: factory });
  if (!code || code === "0x") return false;
  try {
    await conn.publicClient.readContract({ address: factory, abi: ticketFactoryAbi, functionName: "market" });
    return true;
  } catch {
    return false;
  }
}

/** EIP-1559 max fee where the chain supports it, else the legacy gas price. */
async function feePerGas(conn: WriteConnection): Promise<bigint> {
  try {
    const fees = await conn.publicClient.estimateFeesPerGas();
    if (fees.maxFeePerGas !== undefined) return fees.maxFeePerGas;
  } catch {
    // pre-London chain
  }
  return conn.publicClient.getGasPrice();
}

export function formatPlan(plan: DeployPlan, dryRun: boolean): string[] {
  const lines = [
    `${dryRun ? "Dry run: nothing will be sent." : "Deploy plan:"}`,
    `  chain        ${plan.chainId} via ${plan.rpcUrl}`,
    `  deployer     ${plan.deployer} (balance ${formatEther(plan.balance)} ETH)`,
    `  record       ${plan.deploymentsFile}`,
    `  action       ${plan.action === "skip" ? "nothing to do" : "deploy TicketFactory (creates its ResaleMarket)"}: ${plan.reason}`,
  ];
  if (plan.action === "deploy") {
    lines.push(
      `  gas          ${plan.estimatedGas} (estimated)`,
      `  max fee      ${formatGwei(plan.maxFeePerGas!)} gwei/gas`,
      `  cost         up to ${formatEther(plan.estimatedCost!)} ETH`,
    );
    if (plan.estimatedCost! > plan.balance) lines.push(`  WARNING      the deployer cannot pay that: fund it first`);
  }
  return lines;
}
