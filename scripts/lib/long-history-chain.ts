/**
 * A local chain that looks like a public one to a log scanner: a Hardhat node with `premine`
 * empty blocks (hardhat_mine: instant) before the factory is deployed, then `rounds` rounds of
 * activity (a mint batch and a transfer), each followed by `gap` empty blocks. For the provider
 * simulator's benchmark and tests: a deployment-to-head history of rounds × gap blocks.
 */
import { numberToHex, type Address } from "viem";
import { eventTicketAbi } from "../../lib/generated/abis";
import { deployLocal } from "../deploy";
import { createDemoEvent, type DemoEvent } from "../demo-data";
import { startHardhatNode } from "./chain-node";
import { localClients } from "./local-clients";
import type { ProcessGroup } from "./process-group";
import { ORGANIZER_CHANNEL } from "../../lib/channels";

export type LongHistoryChain = {
  rpcUrl: string;
  factory: Address;
  fromBlock: number;
  head: number;
  events: DemoEvent[];
  logs: number;
};

export async function startLongHistoryChain(
  group: ProcessGroup,
  o: { deploymentsFile: string; premine?: number; rounds?: number; gap?: number; events?: number },
): Promise<LongHistoryChain> {
  const premine = o.premine ?? 1_000_000;
  const rounds = o.rounds ?? 50;
  const gap = o.gap ?? 1_000;
  const { rpcUrl } = await startHardhatNode(group);
  const { publicClient, accounts, wallet } = await localClients(rpcUrl);
  const mine = (blocks: number) =>
    publicClient.request({ method: "hardhat_mine" as never, params: [numberToHex(blocks)] as never });
  await mine(premine);
  const deployment = await deployLocal({ rpcUrl, deploymentsFile: o.deploymentsFile });
  const factory = deployment.factory as Address;

  const events: DemoEvent[] = [];
  const eventEvery = Math.max(1, Math.floor(rounds / (o.events ?? 3)));
  const organizer = wallet(accounts[0]!);
  let logs = 0;
  for (let round = 0; round < rounds; round++) {
    if (round % eventEvery === 0) {
      events.push(
        await createDemoEvent({
          rpcUrl,
          factory,
          name: `Long history #${events.length}`,
          ticketsPerAccount: [2, 1, 1],
        }),
      );
      logs += 6; // EventCreated, 4 Transfers, TicketsMinted (approximately: only a figure for the report)
    }
    const event = events[round % events.length]!;
    const recipients = [accounts[1]!, accounts[2]!, accounts[3]!];
    await publicClient.waitForTransactionReceipt({
      hash: await organizer.writeContract({
        address: event.ticket,
        abi: eventTicketAbi,
        functionName: "mintTier",
        args: [0, ORGANIZER_CHANNEL, recipients],
      }),
    });
    // The first event's first ticket goes back and forth between its holder and account #4.
    const holder = events[0]!.holders[0]!;
    const tokenId = holder.tokenIds[0]!;
    const [from, to] = round % 2 === 0 ? [holder.account, accounts[4]!] : [accounts[4]!, holder.account];
    await publicClient.waitForTransactionReceipt({
      hash: await wallet(from).writeContract({
        address: events[0]!.ticket,
        abi: eventTicketAbi,
        functionName: "transferFrom",
        args: [from, to, tokenId],
      }),
    });
    logs += 5;
    await mine(gap);
  }
  const head = Number(await publicClient.getBlockNumber());
  return { rpcUrl, factory, fromBlock: deployment.fromBlock, head, events, logs };
}
