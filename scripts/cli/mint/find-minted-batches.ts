/**
 * The on-chain half of resuming: which planned batches are already minted, whatever the journal
 * says. A crash between "sent" and "recorded" leaves the journal behind the chain; this finds the
 * signer's `mintTier` transactions since the journal's start block and matches their exact
 * recipient lists to the plan, so no batch is ever sent twice.
 */
import { decodeFunctionData, getAbiItem, isAddressEqual, type Address, type Hash } from "viem";
import { eventTicketAbi } from "../../../lib/generated/abis";
import type { ReadConnection } from "../chain/connect";
import { getLogsChunked } from "../chain/get-logs-chunked";
import { ORGANIZER_CHANNEL } from "../../../lib/channels";

export type MintedBatch = { index: number; txHash: Hash; firstTokenId: bigint };

export function batchKey(recipients: readonly Address[]): string {
  return recipients.map((a) => a.toLowerCase()).join(",");
}

export async function findMintedBatches(
  conn: ReadConnection,
  opts: {
    event: Address;
    tier: number;
    channel?: number;
    minter: Address;
    fromBlock: bigint;
    batchKeys: Map<string, number>;
  },
): Promise<MintedBatch[]> {
  const logs = await getLogsChunked(conn.publicClient, conn.rangeCap, {
    address: opts.event,
    event: getAbiItem({ abi: eventTicketAbi, name: "TicketsMinted" }),
    args: { tier: opts.tier },
    fromBlock: opts.fromBlock,
  });
  const found: MintedBatch[] = [];
  const seenTx = new Set<Hash>();
  for (const log of logs) {
    if (seenTx.has(log.transactionHash)) continue;
    seenTx.add(log.transactionHash);
    const tx = await conn.publicClient.getTransaction({ hash: log.transactionHash });
    if (!isAddressEqual(tx.from, opts.minter) || !tx.to || !isAddressEqual(tx.to, opts.event)) continue;
    let call;
    try {
      call = decodeFunctionData({ abi: eventTicketAbi, data: tx.input });
    } catch {
      continue; // not a direct call (e.g. through a multisig): not one of ours
    }
    if (call.functionName !== "mintTier" || call.args[0] !== opts.tier) continue;
    const [, channel, recipients] = call.args;
    if (channel !== (opts.channel ?? ORGANIZER_CHANNEL)) continue;
    const index = opts.batchKeys.get(batchKey(recipients));
    if (index !== undefined) found.push({ index, txHash: log.transactionHash, firstTokenId: log.args.firstTokenId! });
  }
  return found;
}
