/**
 * Deploys Fairgate (the ResaleMarket, which creates its Waitlist, then the TicketFactory linked to
 * it) to the configured chain, idempotently: if the deployments file already names a factory for
 * this chain and that address holds a working factory, nothing is sent. `dryRun` prints the plan
 * and its estimated cost only. A market whose factory deploy failed is left behind unused (a re-run
 * deploys both again): the market is cheap and trusts only the factory address it was given.
 *
 * A small viem deploy rather than Hardhat Ignition: two contracts from consecutive nonces,
 * signed with the CLI's own key handling, and recorded in the single deployments file the
 * indexer and the app already read (Ignition keeps its own journal per chain beside it).
 */
import {
  encodeDeployData,
  formatEther,
  formatGwei,
  getAddress,
  getContractAddress,
  size,
  type Address,
  type Hash,
} from "viem";
import { LOCAL_CHAIN_ID } from "../../../lib/chain";
import { deployFairgate, FairgateDeployError } from "../../../lib/deploy/deploy-fairgate";
import type { Deployment } from "../../../lib/deployments";
import { installMulticall3 } from "../../../lib/multicall3";
import {
  eventTicketBytecode,
  resaleMarketAbi,
  resaleMarketBytecode,
  ticketFactoryAbi,
  ticketFactoryBytecode,
} from "../../../lib/generated/abis";
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
    if (live && !opts.force)
      return {
        ...base,
        action: "skip",
        reason: `already deployed: factory ${existing.factory} (block ${existing.fromBlock})`,
      };
    reason = live
      ? "--force: deploying a new factory beside the recorded one"
      : `the recorded factory ${existing.factory} has no code on this chain (a fresh node?)`;
  }
  let estimatedGas: bigint;
  try {
    const nonce = await conn.publicClient.getTransactionCount({ address: conn.signer.address, blockTag: "pending" });
    const predictedFactory = getContractAddress({ from: conn.signer.address, nonce: BigInt(nonce + 1) });
    const marketData = encodeDeployData({
      abi: resaleMarketAbi,
      bytecode: resaleMarketBytecode,
      args: [predictedFactory],
    });
    estimatedGas =
      (await conn.publicClient.estimateGas({ account: conn.signer.account, data: marketData })) +
      factoryDeployGasBound();
  } catch (e) {
    throw toCliError(e, "Estimating the deploy gas");
  }
  const maxFeePerGas = await feePerGas(conn);
  return { ...base, action: "deploy", reason, estimatedGas, maxFeePerGas, estimatedCost: estimatedGas * maxFeePerGas };
}

export async function deployFactory(
  conn: WriteConnection,
  opts: { dryRun?: boolean; force?: boolean } = {},
): Promise<DeployResult> {
  const plan = await planDeploy(conn, opts);
  if (plan.action === "skip" || opts.dryRun)
    return { plan, deployment: plan.action === "skip" ? plan.existing : undefined };
  if (plan.estimatedCost! > plan.balance) {
    throw new InsufficientFundsError(
      `${plan.deployer} has ${formatEther(plan.balance)} ETH; the deploy may cost up to ${formatEther(plan.estimatedCost!)} ETH. Fund it and retry.`,
    );
  }
  // The app batches its reads through Multicall3, which real chains have and a local node lacks.
  if (plan.chainId === LOCAL_CHAIN_ID) await installMulticall3(conn.publicClient);
  let d: Awaited<ReturnType<typeof deployFairgate>>;
  try {
    d = await deployFairgate({
      publicClient: conn.publicClient,
      wallet: conn.wallet,
      account: conn.signer.account,
      chain: conn.chain,
    });
  } catch (e) {
    if (e instanceof FairgateDeployError) throw new CliError("DEPLOY_FAILED", e.message);
    throw toCliError(e, "Deploying the ResaleMarket and the TicketFactory");
  }
  const deployment: Deployment = {
    chainId: plan.chainId,
    factory: d.factory,
    market: d.market,
    waitlist: d.waitlist,
    fromBlock: d.fromBlock,
    deployedAt: new Date().toISOString(),
    deployer: plan.deployer,
    txHash: d.factoryTxHash,
  };
  await recordDeployment(plan.deploymentsFile, deployment);
  return { plan, deployment, txHash: d.factoryTxHash };
}

/**
 * Upper bound on the factory's deploy gas. It cannot be estimated by the node before the market
 * exists (its constructor asks the market for its factory), so: transaction base cost 53,000 plus
 * 32,000 per data contract, and per byte of the factory's code and of EventTicket's creation code
 * (its argument, stored in data contracts) at most 16 (calldata) + 2 × 2 (initcode words, twice)
 * + 200 (code deposit) + 12 (memory copies), plus 200,000 for the constructor's own work.
 */
function factoryDeployGasBound(): bigint {
  return 53_000n + 2n * 32_000n + 232n * BigInt(size(ticketFactoryBytecode) + size(eventTicketBytecode)) + 200_000n;
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
    `  action       ${plan.action === "skip" ? "nothing to do" : "deploy ResaleMarket (creates its Waitlist), then TicketFactory linked to it"}: ${plan.reason}`,
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
