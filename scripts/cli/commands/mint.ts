/** `fairgate mint <event> <wallets.csv> --tier <n>`: batched, resumable, with a progress bar. */
import { SingleBar, Presets } from "cli-progress";
import { InvalidArgumentError, type Command } from "commander";
import { connectWrite } from "../chain/connect";
import { resolveEvent } from "../chain/resolve-event";
import type { CommandContext } from "../command-context";
import { InputError } from "../errors";
import { defaultJournalPath } from "../mint/mint-journal";
import { readWalletsCsv } from "../mint/read-wallets-csv";
import { runMint, type MintProgress } from "../mint/run-mint";

export const intArg = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}`);
  return n;
};

type MintFlags = {
  tier: number;
  channel: number;
  batchSize?: number;
  maxGas?: number;
  journal?: string;
  skipInvalid?: boolean;
};

export function registerMint(program: Command, ctx: CommandContext): void {
  program
    .command("mint")
    .argument("<event>", "event address or id")
    .argument("<wallets>", 'CSV with a "wallet" column (or one address per line)')
    .description(
      "mint one ticket of a tier to each wallet of a CSV; re-run the same command to resume after an interruption",
    )
    .requiredOption("--tier <n>", "tier index (0–7)", intArg(0, 7))
    .option(
      "--channel <n>",
      "allocation channel: 1 sponsor, 2 staff, 3 artist, 4 organizer, 5–7 the event's own",
      intArg(1, 7),
      4,
    )
    .option(
      "--batch-size <n>",
      "at most this many wallets per transaction (default: the contract's MAX_BATCH, lowered to fit the gas cap)",
      intArg(1, 10_000),
    )
    .option(
      "--max-gas <n>",
      "gas cap per transaction (default: half the block gas limit)",
      intArg(21_000, 1_000_000_000),
    )
    .option(
      "--journal <file>",
      "mint journal (default: under FAIRGATE_STATE_DIR, keyed by chain, event, tier and CSV hash)",
    )
    .option("--skip-invalid", "mint the valid rows even if some are not addresses")
    .action(async (eventArg: string, csvFile: string, opts: MintFlags, cmd: Command) => {
      const { io } = ctx;
      const list = await readWalletsCsv(csvFile);
      for (const d of list.duplicates)
        io.err(`line ${d.line}: duplicate of line ${d.firstLine} (${d.address}); skipped`);
      for (const bad of list.invalid) io.err(`line ${bad.line}: "${bad.value}" ${bad.reason}`);
      if (list.invalid.length > 0 && !opts.skipInvalid) {
        throw new InputError(
          `${csvFile} has ${list.invalid.length} invalid row(s) (listed above). Fix them, or pass --skip-invalid to mint the ${list.recipients.length} valid one(s).`,
        );
      }
      const conn = await connectWrite(ctx.config(cmd));
      const { address: event } = await resolveEvent(conn, eventArg);
      const journalFile =
        opts.journal ??
        defaultJournalPath(conn.config.stateDir, {
          chainId: conn.config.chainId,
          event,
          tier: opts.tier,
          csvSha256: list.sha256,
        });

      let bar: SingleBar | undefined;
      const onProgress = (p: MintProgress) => {
        if (io.isTTY) {
          bar ??= new SingleBar(
            { format: "minting [{bar}] {value}/{total} tickets | batch {batch}/{batches}", hideCursor: true },
            Presets.shades_classic,
          );
          if (!bar.isActive) bar.start(p.total, p.done, { batch: p.batch, batches: p.batches });
          else bar.update(p.done, { batch: p.batch, batches: p.batches });
        } else if (p.txHash) {
          io.err(`batch ${p.batch}/${p.batches}: ${p.done}/${p.total} minted (tx ${p.txHash})`);
        }
      };
      try {
        const result = await runMint(conn, {
          event,
          tier: opts.tier,
          channel: opts.channel,
          list,
          journalFile,
          maxBatchSize: opts.batchSize,
          gasCap: opts.maxGas === undefined ? undefined : BigInt(opts.maxGas),
          onPlan: (j, resumed) =>
            io.err(
              `${resumed ? "Resuming" : "Minting"} ${j.recipients} ticket(s) of tier ${j.tier} in ${j.batches.length} batch(es) of up to ${j.batchSize}; journal ${journalFile}`,
            ),
          onProgress,
        });
        bar?.stop();
        const summary = {
          event,
          tier: opts.tier,
          total: result.total,
          mintedNow: result.mintedNow,
          alreadyMinted: result.alreadyMinted,
          batches: result.batches,
          batchSize: result.batchSize,
          resumed: result.resumed,
          duplicates: list.duplicates.length,
          invalid: list.invalid.length,
          journal: journalFile,
          txHashes: result.txHashes,
        };
        if (ctx.json(cmd)) return io.out(JSON.stringify(summary));
        io.out(
          `Minted ${result.mintedNow} ticket(s) now${result.alreadyMinted ? `, ${result.alreadyMinted} were already on chain` : ""}: ${result.total} of tier ${opts.tier} on ${event}.`,
        );
        if (list.duplicates.length || list.invalid.length)
          io.out(`Skipped ${list.duplicates.length} duplicate(s) and ${list.invalid.length} invalid row(s).`);
      } finally {
        bar?.stop();
      }
    });
}
