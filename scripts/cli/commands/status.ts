/** `fairgate status <event>`: sold, resold, checked in, no-shows per tier and zone. */
import type { Command } from "commander";
import { connectRead } from "../chain/connect";
import { resolveEvent } from "../chain/resolve-event";
import type { CommandContext } from "../command-context";
import { chainEventData } from "../data/chain-event-data";
import { formatStatus, statusReport } from "../data/status-report";

export function registerStatus(program: Command, ctx: CommandContext): void {
  program
    .command("status")
    .argument("<event>", "event address or id")
    .description("sold, resold, checked-in and no-shows per tier and zone (chain logs, plus gate check-ins from INDEXER_URL if set)")
    .action(async (eventArg: string, _opts: unknown, cmd: Command) => {
      const conn = await connectRead(ctx.config(cmd));
      const resolved = await resolveEvent(conn, eventArg);
      const source = chainEventData(conn, { factory: resolved.factory, factoryFromBlock: BigInt(resolved.deployment.fromBlock), indexerUrl: conn.config.indexerUrl, blockTimes: false });
      const report = statusReport(await source.snapshot(resolved.address));
      if (ctx.json(cmd)) return ctx.io.out(JSON.stringify(report));
      formatStatus(report).forEach((l) => ctx.io.out(l));
    });
}
