/**
 * Mints one tier to a wallet list in gas-sized batches, resumably: plan → journal → for each
 * batch not yet on chain: record "sending", send, record the hash, record "confirmed".
 * On a re-run the journal is reconciled with the chain first (find-minted-batches), so a crash at
 * any point, even between a send and its record, never mints a batch twice.
 */
import { parseEventLogs, type Address, type Hash } from "viem";
import { eventTicketAbi } from "../../../lib/generated/abis";
import type { WriteConnection } from "../chain/connect";
import { sendContractTx } from "../chain/send-contract-tx";
import { waitFor } from "../../lib/wait";
import { CliError, InputError, NotAuthorizedError } from "../errors";
import { batchKey, findMintedBatches } from "./find-minted-batches";
import { ORGANIZER_CHANNEL } from "../../../lib/channels";
import { planBatches, readJournal, writeJournal, type MintJournal } from "./mint-journal";
import { planBatchSize } from "./plan-batch-size";
import type { WalletList } from "./read-wallets-csv";

export type MintProgress = {
  done: number;
  total: number;
  batch: number;
  batches: number;
  txHash?: Hash;
  alreadyOnChain?: boolean;
};

export type MintResult = {
  journalFile: string;
  total: number;
  batches: number;
  batchSize: number;
  /** Recipients minted by this run. */
  mintedNow: number;
  /** Recipients found already minted (by an earlier, interrupted run). */
  alreadyMinted: number;
  resumed: boolean;
  txHashes: Hash[];
};

export type MintOptions = {
  event: Address;
  tier: number;
  /** Allocation channel 1..7 (lib/channels); default 4, the organizer channel. */
  channel?: number;
  list: WalletList;
  journalFile: string;
  /** Upper bound on recipients per transaction (the gas cap may lower it). */
  maxBatchSize?: number;
  gasCap?: bigint;
  /** How long to wait for an earlier run's transactions still in the mempool. */
  pendingTimeoutMs?: number;
  onProgress?: (p: MintProgress) => void;
  /** Called once the plan is known, before the first send. */
  onPlan?: (journal: MintJournal, resumed: boolean) => void;
};

export async function runMint(conn: WriteConnection, opts: MintOptions): Promise<MintResult> {
  const recipients = opts.list.recipients.map((r) => r.address);
  if (recipients.length === 0) throw new InputError("The wallet list has no valid address to mint to.");
  await checkCanMint(conn, opts.event, opts.tier);

  let journal = await readJournal(opts.journalFile);
  const resumed = journal !== undefined;
  if (journal) {
    checkJournalMatches(journal, conn, opts);
  } else {
    await checkSupply(conn, opts.event, opts.tier, recipients.length);
    const plan = await planBatchSize(conn, {
      event: opts.event,
      tier: opts.tier,
      channel: opts.channel,
      recipients,
      maxSize: opts.maxBatchSize,
      gasCap: opts.gasCap,
    });
    journal = {
      version: 1,
      chainId: conn.config.chainId,
      event: opts.event,
      tier: opts.tier,
      minter: conn.signer.address,
      csvSha256: opts.list.sha256,
      startBlock: Number(await conn.publicClient.getBlockNumber()),
      batchSize: plan.size,
      recipients: recipients.length,
      batches: planBatches(recipients.length, plan.size),
      updatedAt: "",
    };
    await writeJournal(opts.journalFile, journal);
  }
  const batchOf = (i: number) => recipients.slice(journal.batches[i]!.from, journal.batches[i]!.to);

  let alreadyMinted = 0;
  if (resumed && journal.batches.some((b) => b.status !== "confirmed")) {
    await waitForPendingTransactions(conn, opts.pendingTimeoutMs ?? 120_000);
    const keys = new Map(journal.batches.map((b) => [batchKey(batchOf(b.index)), b.index]));
    const found = await findMintedBatches(conn, {
      event: opts.event,
      tier: opts.tier,
      channel: opts.channel,
      minter: journal.minter as Address,
      fromBlock: BigInt(journal.startBlock),
      batchKeys: keys,
    });
    for (const f of found) {
      const batch = journal.batches[f.index]!;
      if (batch.status !== "confirmed")
        Object.assign(batch, { status: "confirmed", txHash: f.txHash, firstTokenId: f.firstTokenId.toString() });
    }
    await writeJournal(opts.journalFile, journal);
  }
  alreadyMinted = journal.batches.filter((b) => b.status === "confirmed").reduce((n, b) => n + b.to - b.from, 0);
  opts.onPlan?.(journal, resumed);

  let done = alreadyMinted;
  const txHashes: Hash[] = [];
  opts.onProgress?.({
    done,
    total: recipients.length,
    batch: 0,
    batches: journal.batches.length,
    alreadyOnChain: true,
  });
  for (const batch of journal.batches) {
    if (batch.status === "confirmed") continue;
    batch.status = "sending";
    delete batch.txHash;
    await writeJournal(opts.journalFile, journal);
    const receipt = await sendContractTx(
      conn,
      {
        address: opts.event,
        abi: eventTicketAbi,
        functionName: "mintTier",
        args: [opts.tier, opts.channel ?? ORGANIZER_CHANNEL, batchOf(batch.index)],
        action: `Minting batch ${batch.index + 1}/${journal.batches.length}`,
      },
      {
        onSent: async (hash) => {
          batch.txHash = hash;
          await writeJournal(opts.journalFile, journal);
        },
      },
    );
    const [minted] = parseEventLogs({ abi: eventTicketAbi, eventName: "TicketsMinted", logs: receipt.logs });
    Object.assign(batch, {
      status: "confirmed",
      txHash: receipt.transactionHash,
      firstTokenId: minted?.args.firstTokenId.toString(),
    });
    await writeJournal(opts.journalFile, journal);
    done += batch.to - batch.from;
    txHashes.push(receipt.transactionHash);
    opts.onProgress?.({
      done,
      total: recipients.length,
      batch: batch.index + 1,
      batches: journal.batches.length,
      txHash: receipt.transactionHash,
    });
  }
  return {
    journalFile: opts.journalFile,
    total: recipients.length,
    batches: journal.batches.length,
    batchSize: journal.batchSize,
    mintedNow: done - alreadyMinted,
    alreadyMinted,
    resumed,
    txHashes,
  };
}

async function checkCanMint(conn: WriteConnection, event: Address, tier: number): Promise<void> {
  const read = <T>(functionName: string, args: unknown[] = []) =>
    conn.publicClient.readContract({ address: event, abi: eventTicketAbi, functionName, args } as never) as Promise<T>;
  const [organizer, minterRole, tierCount, cancelled] = await Promise.all([
    read<Address>("organizer"),
    read<`0x${string}`>("MINTER_ROLE"),
    read<number>("tierCount"),
    read<boolean>("cancelled"),
  ]);
  if (cancelled) throw new CliError("CANCELLED", `The event ${event} is cancelled: nothing can be minted.`);
  if (tier >= tierCount)
    throw new InputError(`The event has ${tierCount} tier(s) (0–${tierCount - 1}); there is no tier ${tier}.`);
  if (
    organizer.toLowerCase() !== conn.signer.address.toLowerCase() &&
    !(await read<boolean>("hasRole", [minterRole, conn.signer.address]))
  ) {
    throw new NotAuthorizedError(
      `${conn.signer.address} may not mint on ${event}: it is neither the organizer (${organizer}) nor a MINTER_ROLE holder.`,
    );
  }
}

async function checkSupply(conn: WriteConnection, event: Address, tier: number, wanted: number): Promise<void> {
  const [config, minted] = await Promise.all([
    conn.publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "tier", args: [tier] }),
    conn.publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "tierMinted", args: [tier] }),
  ]);
  const left = BigInt(config.supply) - minted;
  if (BigInt(wanted) > left)
    throw new CliError(
      "SOLD_OUT",
      `Tier ${tier} has ${left} ticket(s) left of ${config.supply}; the list has ${wanted} wallets.`,
    );
}

function checkJournalMatches(journal: MintJournal, conn: WriteConnection, opts: MintOptions): void {
  const same =
    journal.chainId === conn.config.chainId &&
    journal.event.toLowerCase() === opts.event.toLowerCase() &&
    journal.tier === opts.tier &&
    journal.csvSha256 === opts.list.sha256 &&
    journal.recipients === opts.list.recipients.length;
  if (!same)
    throw new InputError(
      `The journal ${opts.journalFile} belongs to another mint (chain, event, tier or wallet list differ). Use --journal to choose another file.`,
    );
  if (journal.minter.toLowerCase() !== conn.signer.address.toLowerCase()) {
    throw new InputError(
      `The journal ${opts.journalFile} was started by ${journal.minter}; resume it with the same signer (now ${conn.signer.address}).`,
    );
  }
}

/** An earlier run's transaction may still be in the mempool: let it land before checking the chain. */
async function waitForPendingTransactions(conn: WriteConnection, timeoutMs: number): Promise<void> {
  const address = conn.signer.address;
  await waitFor(
    `earlier transactions of ${address} to be mined`,
    async () => {
      const [latest, pending] = await Promise.all([
        conn.publicClient.getTransactionCount({ address, blockTag: "latest" }),
        conn.publicClient.getTransactionCount({ address, blockTag: "pending" }),
      ]);
      return pending === latest ? true : undefined;
    },
    { timeoutMs, intervalMs: 1_000 },
  ).catch(() => {
    throw new CliError(
      "PENDING_TX",
      `${address} still has unmined transactions after ${timeoutMs / 1000}s; retry when they are mined (or replaced), so no batch is sent twice.`,
    );
  });
}
