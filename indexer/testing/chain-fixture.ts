/**
 * Test fixture: a fresh in-process Hardhat chain with the TicketFactory deployed, and
 * helpers to create events, mint and transfer. Needs `npx hardhat build` + `npx tsx scripts/gen-abis.ts`.
 */
import { network } from "hardhat";
import {
  parseEther,
  parseEventLogs,
  zeroAddress,
  type Address,
  type Hash,
  type PublicClient,
  type WalletClient,
} from "viem";
import { deployFairgate } from "../../lib/deploy/deploy-fairgate";
import { eventTicketAbi, ticketFactoryAbi } from "../../lib/generated/abis";
import { ORGANIZER_CHANNEL } from "../../lib/channels";

export type ChainFixture = Awaited<ReturnType<typeof createChainFixture>>;

const SEAT_FACE = parseEther("0.01");

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

  const { factory, fromBlock } = await deployFairgate({
    publicClient,
    wallet: organizer,
    account: organizer.account!,
    chain: organizer.chain,
  });

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

  /** An event whose tier 0 is reserved seating with `seats` seats (face 0.01 ETH, free transfer, no caps). */
  async function createSeatedEvent(name: string, seats: number, startTime = 2_000_000_000n): Promise<Address> {
    const config = {
      name,
      symbol: "SEAT",
      startTime,
      endTime: startTime + 86_400n,
      lockWindow: 0,
      maxPerWallet: 0,
      maxPerIdentity: 0,
      royaltyBps: 0,
      voucherSigner: zeroAddress,
      currency: zeroAddress,
    };
    const tier = {
      faceValue: SEAT_FACE,
      supply: seats,
      zones: 1,
      mode: 0,
      resaleCapBps: 10_000,
      voucherOnly: false,
      reserved: true,
    };
    const receipt = await mined(
      await organizer.writeContract({
        address: factory,
        abi: ticketFactoryAbi,
        functionName: "createEventWithTiers",
        args: [config, [tier]],
        account: organizer.account!,
        chain: organizer.chain,
      }),
    );
    const [created] = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs });
    return created!.args.ticket;
  }

  /** `buyer` buys seats (on-chain seat numbers of tier 0) of a `createSeatedEvent` event. */
  async function buySeats(ticket: Address, buyer: WalletClient, seats: number[]) {
    return mined(
      await buyer.writeContract({
        address: ticket,
        abi: eventTicketAbi,
        functionName: "buySeats",
        args: [0, seats],
        value: SEAT_FACE * BigInt(seats.length),
        account: buyer.account!,
        chain: buyer.chain,
      }),
    );
  }

  async function mint(ticket: Address, to: Address[]): Promise<void> {
    await mined(
      await organizer.writeContract({
        address: ticket,
        abi: eventTicketAbi,
        functionName: "mintTier",
        args: [0, ORGANIZER_CHANNEL, to],
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
    createSeatedEvent,
    buySeats,
    mint,
    transfer,
    mineBlocks,
  };
}
