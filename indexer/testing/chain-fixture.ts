/**
 * Test fixture: a fresh in-process Hardhat chain with the TicketFactory deployed, and
 * helpers to create events, mint and transfer. Needs `npx hardhat build` + `npx tsx scripts/gen-abis.ts`.
 */
import { network } from "hardhat";
import { parseEventLogs, type Address, type Hash, type PublicClient, type WalletClient } from "viem";
import { deployFairgate } from "../../lib/deploy/deploy-fairgate";
import { eventTicketAbi, ticketFactoryAbi } from "../../lib/generated/abis";

export type ChainFixture = Awaited<ReturnType<typeof createChainFixture>>;

export async function createChainFixture() {
  const { viem } = await network.create();
  // Hardhat's clients carry extra chain typing; the indexer only needs plain viem ones.
  const publicClient = (await viem.getPublicClient()) as unknown as PublicClient;
  const wallets = (await viem.getWalletClients()) as unknown as WalletClient[];
  const [organizer, alice, bob, carol] = wallets as [WalletClient, WalletClient, WalletClient, WalletClient];

  async function mined(hash: Hash) {
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== "success") throw new Error(`tx ${hash} reverted`);
    return receipt;
  }

  const { factory, fromBlock } = await deployFairgate({ publicClient, wallet: organizer, account: organizer.account!, chain: organizer.chain });

  async function createEvent(name: string, startTime = 2_000_000_000n): Promise<Address> {
    const receipt = await mined(
      await organizer.writeContract({
        address: factory,
        abi: ticketFactoryAbi,
        functionName: "createEvent",
        args: [name, name.slice(0, 3).toUpperCase(), startTime],
        account: organizer.account!,
        chain: organizer.chain,
      }),
    );
    const [created] = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs });
    return created!.args.ticket;
  }

  async function mint(ticket: Address, to: Address[]): Promise<void> {
    await mined(
      await organizer.writeContract({
        address: ticket,
        abi: eventTicketAbi,
        functionName: "mintBatch",
        args: [to],
        account: organizer.account!,
        chain: organizer.chain,
      }),
    );
  }

  async function transfer(ticket: Address, from: WalletClient, to: Address, tokenId: bigint): Promise<void> {
    await mined(
      await from.writeContract({
        address: ticket,
        abi: eventTicketAbi,
        functionName: "transferFrom",
        args: [from.account!.address, to, tokenId],
        account: from.account!,
        chain: from.chain,
      }),
    );
  }

  async function mineBlocks(n: number): Promise<void> {
    await publicClient.request({ method: "hardhat_mine" as never, params: [`0x${n.toString(16)}`] as never });
  }

  return {
    publicClient,
    chainId: await publicClient.getChainId(),
    /** All of the node's test accounts (organizer, alice, bob, carol are the first four). */
    wallets,
    organizer,
    alice,
    bob,
    carol,
    factory,
    fromBlock,
    createEvent,
    mint,
    transfer,
    mineBlocks,
  };
}
