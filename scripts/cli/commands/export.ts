/** `fairgate export <event> attendees|checkins|sales [--out file]` */
import { writeFile } from "node:fs/promises";
import { InvalidArgumentError, type Command } from "commander";
import { connectRead } from "../chain/connect";
import { resolveEvent } from "../chain/resolve-event";
import type { CommandContext } from "../command-context";
import { chainEventData } from "../data/chain-event-data";
import { exportCsv, exportKinds, type ExportKind } from "../export/event-exports";

export function registerExport(program: Command, ctx: CommandContext): void {
  program
    .command("export")
    .argument("<event>", "event address or id")
    .argument("<what>", exportKinds.join(" | "), (v: string) => {
      if (!(exportKinds as readonly string[]).includes(v))
        throw new InvalidArgumentError(`expected one of ${exportKinds.join(", ")}`);
      return v as ExportKind;
    })
    .description("write attendees, check-ins or sales as CSV (stdout, or --out)")
    .option("--out <file>", "write to this file instead of stdout")
    .action(async (eventArg: string, what: ExportKind, opts: { out?: string }, cmd: Command) => {
      const conn = await connectRead(ctx.config(cmd));
      const resolved = await resolveEvent(conn, eventArg);
      const source = chainEventData(conn, {
        factory: resolved.factory,
        factoryFromBlock: BigInt(resolved.deployment.fromBlock),
        indexerUrl: conn.config.indexerUrl,
      });
      const csv = exportCsv(what, await source.snapshot(resolved.address));
      if (opts.out) {
        await writeFile(opts.out, csv);
        ctx.io.err(`Wrote ${csv.split("\r\n").length - 2} ${what} row(s) to ${opts.out}`);
      } else {
        ctx.io.out(csv.replace(/\r\n$/, ""));
      }
    });
}
