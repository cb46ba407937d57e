/** `fairgate withdraw <event> [--to address]`: primary-sale escrow to the organizer once the event has ended. */
import type { Command } from "commander";
import { parseEventLogs, type Address } from "viem";
import { formatPrice } from "../../../lib/currency/currency";
import { readCurrency } from "../../../lib/currency/read-currency";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { connectWrite } from "../chain/connect";
import { resolveEvent } from "../chain/resolve-event";
import { sendContractTx } from "../chain/send-contract-tx";
import type { CommandContext } from "../command-context";
import { addressArg } from "./gate";

export function registerWithdraw(program: Command, ctx: CommandContext): void {
  program
    .command("withdraw")
    .argument("<event>", "event address or id")
    .description("withdraw the primary-sale proceeds after the event has ended (not after a cancellation)")
    .option("--to <address>", "pay to this address (default: the signer)", addressArg)
    .action(async (eventArg: string, opts: { to?: Address }, cmd: Command) => {
      const conn = await connectWrite(ctx.config(cmd));
      const { address: event } = await resolveEvent(conn, eventArg);
      const to = opts.to ?? conn.signer.address;
      const receipt = await sendContractTx(conn, {
        address: event,
        abi: eventTicketAbi,
        functionName: "withdrawProceeds",
        args: [to],
        action: "Withdrawing the proceeds",
      });
      const [log] = parseEventLogs({ abi: eventTicketAbi, eventName: "ProceedsWithdrawn", logs: receipt.logs });
      const amount = log?.args.amount ?? 0n;
      if (ctx.json(cmd))
        return ctx.io.out(JSON.stringify({ event, to, amountWei: amount.toString(), txHash: receipt.transactionHash }));
      const currency = await readCurrency(
        conn.publicClient,
        await conn.publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "currency" }),
      );
      ctx.io.out(`Withdrew ${formatPrice(amount, currency)} from ${event} to ${to} (tx ${receipt.transactionHash}).`);
    });
}
