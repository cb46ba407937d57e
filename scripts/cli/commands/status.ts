/** `fairgate status <event>`: sold, resold, checked in, no-shows per tier and zone. */
import type { Command } from "commander";
import { connectRead } from "../chain/connect";
import { resolveEvent } from "../chain/resolve-event";
import type { CommandContext } from "../command-context";
import { chainEventData } from "../data/chain-event-data";
import { indexerStatusReport } from "../data/indexer-status";
import { formatStatus, statusReport } from "../data/status-report";

export function registerStatus(program: Command, ctx: CommandContext): void {
  program
    .command("status")
    .argument("<event>", "event address or id")
    .description("sold, resold, checked-in and no-shows per tier and zone (from INDEXER_URL if set, else chain logs)")
    .action(async (eventArg: string, _opts: unknown, cmd: Command) => {
      const conn = await connectRead(ctx.config(cmd));
      const resolved = await resolveEvent(conn, eventArg);
      const { indexerUrl } = conn.config;
      // The indexer's counts when it is configured (a few calls, whatever the history); else, or from an indexer
      // too old to count per tier, the chain's logs (plus the indexer's gate admissions when it is set).
      const fromIndexer = indexerUrl ? await indexerStatusReport(conn, indexerUrl, resolved.address) : null;
      const report =
        fromIndexer ??
        statusReport(
          await chainEventData(conn, {
            factory: resolved.factory,
            factoryFromBlock: BigInt(resolved.deployment.fromBlock),
            indexerUrl,
            blockTimes: false,
          }).snapshot(resolved.address),
        );
      if (ctx.json(cmd)) return ctx.io.out(JSON.stringify(report));
      formatStatus(report).forEach((l) => ctx.io.out(l));
    });
}
