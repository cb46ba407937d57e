/** `fairgate cancel <event> --yes`: stops sales, mints, check-ins and resales; paid holders can refund. */
import type { Command } from "commander";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { connectWrite } from "../chain/connect";
import { resolveEvent } from "../chain/resolve-event";
import { sendContractTx } from "../chain/send-contract-tx";
import type { CommandContext } from "../command-context";
import { CliError } from "../errors";

export function registerCancel(program: Command, ctx: CommandContext): void {
  program
    .command("cancel")
    .argument("<event>", "event address or id")
    .description("cancel an event for good: holders of paid tickets can then reclaim face value")
    .option("--yes", "confirm: cancellation cannot be undone")
    .action(async (eventArg: string, opts: { yes?: boolean }, cmd: Command) => {
      const conn = await connectWrite(ctx.config(cmd));
      const { address: event } = await resolveEvent(conn, eventArg);
      if (!opts.yes)
        throw new CliError("CONFIRM", `Cancelling ${event} cannot be undone. Re-run with --yes to confirm.`);
      const receipt = await sendContractTx(conn, {
        address: event,
        abi: eventTicketAbi,
        functionName: "cancelEvent",
        args: [],
        action: "Cancelling the event",
      });
      if (ctx.json(cmd)) return ctx.io.out(JSON.stringify({ event, cancelled: true, txHash: receipt.transactionHash }));
      ctx.io.out(`Cancelled ${event} (tx ${receipt.transactionHash}). Holders of paid tickets can now claim refunds.`);
    });
}
