/** `fairgate waitlist <event>`: who waits for each tier (queue length, deposits held, first wallets in line). */
import type { Command } from "commander";
import type { Address } from "viem";
import { formatPrice } from "../../../lib/currency/currency";
import { readCurrency } from "../../../lib/currency/read-currency";
import { eventTicketAbi, resaleMarketAbi, waitlistAbi } from "../../../lib/generated/abis";
import { connectRead } from "../chain/connect";
import { resolveEvent } from "../chain/resolve-event";
import type { CommandContext } from "../command-context";
import { CliError } from "../errors";

/** How many wallets from the head each tier lists. */
const HEAD_COUNT = 5n;

export function registerWaitlist(program: Command, ctx: CommandContext): void {
  program
    .command("waitlist")
    .argument("<event>", "event address or id")
    .description("waitlist per tier: wallets waiting, deposits held (face value each), and the first in line")
    .action(async (eventArg: string, _opts: unknown, cmd: Command) => {
      const conn = await connectRead(ctx.config(cmd));
      const { address: event } = await resolveEvent(conn, eventArg);
      const read = conn.publicClient.readContract;
      const market = await read({ address: event, abi: eventTicketAbi, functionName: "market" });
      const waitlist = await read({ address: market, abi: resaleMarketAbi, functionName: "waitlist" }).catch(() => {
        throw new CliError("NO_WAITLIST", `The market ${market} has no waitlist (deployed before it existed).`);
      });
      const tierCount = await read({ address: event, abi: eventTicketAbi, functionName: "tierCount" });
      const tiers = await Promise.all(
        Array.from({ length: tierCount }, async (_, tier) => {
          const [config, queue, head] = await Promise.all([
            read({ address: event, abi: eventTicketAbi, functionName: "tier", args: [tier] }),
            read({ address: waitlist, abi: waitlistAbi, functionName: "queues", args: [event, tier] }),
            read({ address: waitlist, abi: waitlistAbi, functionName: "queued", args: [event, tier, HEAD_COUNT] }),
          ]);
          const length = Number(queue[1]);
          return {
            tier,
            waiting: length,
            depositsWei: (config.faceValue * BigInt(length)).toString(),
            firstInLine: head as readonly Address[],
          };
        }),
      );
      if (ctx.json(cmd)) return ctx.io.out(JSON.stringify({ event, waitlist, tiers }));
      const currency = await readCurrency(
        conn.publicClient,
        await read({ address: event, abi: eventTicketAbi, functionName: "currency" }),
      );
      ctx.io.out(`Waitlist ${waitlist} for ${event}`);
      for (const t of tiers) {
        const first = t.firstInLine.length > 0 ? ` · next: ${t.firstInLine.join(", ")}` : "";
        ctx.io.out(
          `  tier ${t.tier}: ${t.waiting} waiting, ${formatPrice(BigInt(t.depositsWei), currency)} in deposits${first}`,
        );
      }
    });
}
