/** `fairgate leaks <event>`: the indexer's leak report (non-public tickets that left their channel). */
import type { Command } from "commander";
import { createIndexerClient, openOrganizerSession } from "../../../lib/indexer-client";
import { connectWrite } from "../chain/connect";
import { resolveEvent } from "../chain/resolve-event";
import type { CommandContext } from "../command-context";
import { InputError } from "../errors";
import { formatLeakReport } from "../leaks/format-leak-report";
import { intArg } from "./mint";

export function registerLeaks(program: Command, ctx: CommandContext): void {
  program
    .command("leaks")
    .argument("<event>", "event address or id")
    .option("--limit <n>", "most tickets to list", intArg(1, 5_000), 500)
    .description(
      "sponsor, staff, artist and other non-public tickets that changed hands, were listed, or sit with a public buyer, with their transfer chains (needs INDEXER_URL; signs in to the indexer as the organizer)",
    )
    .action(async (eventArg: string, opts: { limit: number }, cmd: Command) => {
      const conn = await connectWrite(ctx.config(cmd));
      const { address } = await resolveEvent(conn, eventArg);
      const indexerUrl = conn.config.indexerUrl;
      if (!indexerUrl)
        throw new InputError("The leak report comes from the indexer: set INDEXER_URL (or --indexer-url).");
      // The report is the organizer's: one SIWE sign-in (no transaction) with the organizer's key.
      const account = conn.wallet.account;
      const session = await openOrganizerSession(indexerUrl, address, {
        address: account.address,
        signMessage: (message) => conn.wallet.signMessage({ account, message }),
      });
      const report = await createIndexerClient({ baseUrl: indexerUrl }).analytics.leaks(
        address,
        { limit: opts.limit },
        { token: session.token },
      );
      if (ctx.json(cmd)) return ctx.io.out(JSON.stringify(report));
      formatLeakReport(report).forEach((l) => ctx.io.out(l));
    });
}
