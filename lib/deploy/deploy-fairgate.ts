import {
  getAddress,
  getContractAddress,
  type Account,
  type Address,
  type Chain,
  type Hash,
  type PublicClient,
  type WalletClient,
} from "viem";
import {
  eventTicketBytecode,
  resaleMarketAbi,
  resaleMarketBytecode,
  ticketFactoryAbi,
  ticketFactoryBytecode,
} from "../generated/abis";

/** The three contracts of one Fairgate deployment and where the indexer starts reading. */
export type FairgateContracts = {
  factory: Address;
  market: Address;
  waitlist: Address;
  /** Block of the first deploy transaction (the market's). */
  fromBlock: number;
  marketTxHash: Hash;
  factoryTxHash: Hash;
};

/** A deploy transaction was mined but reverted, or produced no contract. */
export class FairgateDeployError extends Error {
  override name = "FairgateDeployError";
  constructor(
    readonly contract: "ResaleMarket" | "TicketFactory",
    readonly txHash: Hash,
  ) {
    super(`The ${contract} deploy reverted in ${txHash}.`);
  }
}

/**
 * Deploys the ResaleMarket (which creates the Waitlist) and then the TicketFactory from one account,
 * with explicit consecutive nonces: the market is given the factory's address predicted from the
 * second nonce, and the factory's constructor refuses a market that does not name it. The factory
 * receives EventTicket's creation code as an argument and stores it in data contracts, so its own
 * code stays far under the EIP-170 size limit however EventTicket grows. With `metadataBase` (the metadata
 * server's URL, e.g. the indexer's) a third transaction sets it, so every event's tokenURI points there.
 *
 * @example
 * const { factory, market, waitlist } = await deployFairgate({ publicClient, wallet, account, chain });
 */
export async function deployFairgate(args: {
  publicClient: PublicClient;
  wallet: WalletClient;
  account: Account | Address;
  chain: Chain | undefined;
  metadataBase?: string;
}): Promise<FairgateContracts> {
  const { publicClient, wallet, account, chain } = args;
  const from = typeof account === "string" ? account : account.address;
  const nonce = await publicClient.getTransactionCount({ address: from, blockTag: "pending" });
  const predictedFactory = getContractAddress({ from, nonce: BigInt(nonce + 1) });
  const marketTxHash = await wallet.deployContract({
    abi: resaleMarketAbi,
    bytecode: resaleMarketBytecode,
    args: [predictedFactory],
    account,
    chain,
    nonce,
  });
  const marketReceipt = await publicClient.waitForTransactionReceipt({ hash: marketTxHash, timeout: 600_000 });
  if (marketReceipt.status !== "success" || !marketReceipt.contractAddress)
    throw new FairgateDeployError("ResaleMarket", marketTxHash);
  const market = getAddress(marketReceipt.contractAddress);
  const factoryTxHash = await wallet.deployContract({
    abi: ticketFactoryAbi,
    bytecode: ticketFactoryBytecode,
    args: [market, eventTicketBytecode],
    account,
    chain,
    nonce: nonce + 1,
  });
  const factoryReceipt = await publicClient.waitForTransactionReceipt({ hash: factoryTxHash, timeout: 600_000 });
  if (factoryReceipt.status !== "success" || !factoryReceipt.contractAddress)
    throw new FairgateDeployError("TicketFactory", factoryTxHash);
  const factory = getAddress(factoryReceipt.contractAddress);
  if (args.metadataBase) {
    const hash = await wallet.writeContract({
      address: factory,
      abi: ticketFactoryAbi,
      functionName: "setMetadataBase",
      args: [args.metadataBase],
      account,
      chain,
      nonce: nonce + 2,
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash, timeout: 600_000 });
    if (receipt.status !== "success") throw new FairgateDeployError("TicketFactory", hash);
  }
  const waitlist = await publicClient.readContract({
    address: market,
    abi: resaleMarketAbi,
    functionName: "waitlist",
    blockNumber: marketReceipt.blockNumber,
  });
  return {
    factory,
    market,
    waitlist: getAddress(waitlist),
    fromBlock: Number(marketReceipt.blockNumber),
    marketTxHash,
    factoryTxHash,
  };
}
