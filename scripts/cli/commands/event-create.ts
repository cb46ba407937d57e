/** `fairgate event create <spec.yaml|json>` */
import type { Command } from "commander";
import { erc20Abi, parseEventLogs } from "viem";
import { channelLabel } from "../../../lib/channels";
import { formatPrice, NATIVE_CURRENCY } from "../../../lib/currency/currency";
import { toContractArgs } from "../../../lib/event-config/contract-args";
import { eventTicketAbi, ticketFactoryAbi } from "../../../lib/generated/abis";
import { connectWrite } from "../chain/connect";
import { loadDeployment } from "../chain/resolve-event";
import { sendContractTx } from "../chain/send-contract-tx";
import type { CommandContext } from "../command-context";
import { CliError } from "../errors";
import { loadEventSpec } from "../spec/load-event-spec";

export function registerEventCreate(program: Command, ctx: CommandContext): void {
  const event = program.command("event").description("events");
  event
    .command("create")
    .argument("<spec>", "event spec, JSON or YAML (see scripts/cli/examples/event.yaml)")
    .description("create an event with its tiers from a spec file; the signer becomes the organizer")
    .option("--check", "validate the spec and print what would be created; send nothing")
    .action(async (specFile: string, opts: { check?: boolean }, cmd: Command) => {
      const spec = await loadEventSpec(specFile);
      const args = toContractArgs(spec);
      const currency = spec.currency
        ? { symbol: spec.currency.symbol ?? "tokens", decimals: spec.currency.decimals }
        : NATIVE_CURRENCY;
      const summary = spec.tiers.map(
        (t, i) =>
          `  tier ${i} ${t.name}: ${args.tiers[i]!.supply} × ${formatPrice(args.tiers[i]!.faceValue, currency)}, zones ${t.zones.join("+")}, ${t.transfer}, resale ≤ ${t.resaleCapPercent / 100}%${t.identityDeadline ? `, bind identity ≥ ${t.identityDeadline}s before start` : ""}`,
      );
      for (const c of args.rules?.channels ?? [])
        summary.push(`  channel ${c.id} ${c.name ?? channelLabel(c.id)}: quota ${c.quota}, ${c.mode ?? "Free"}`);
      if (opts.check) {
        ctx.io.out(`Spec OK: "${spec.name}" (${spec.symbol}), ${spec.tiers.length} tier(s)`);
        summary.forEach((l) => ctx.io.out(l));
        return;
      }
      const conn = await connectWrite(ctx.config(cmd));
      const deployment = await loadDeployment(conn);
      if (spec.currency) {
        // Prices were scaled with the spec's decimals: a wrong number would misprice every ticket.
        const token = spec.currency.token as `0x${string}`;
        const onChain = await conn.publicClient
          .readContract({ address: token, abi: erc20Abi, functionName: "decimals" })
          .catch(() => undefined);
        if (onChain === undefined)
          throw new CliError("BAD_CURRENCY", `${token} does not answer decimals(): not an ERC-20 on this chain.`);
        if (onChain !== spec.currency.decimals)
          throw new CliError(
            "BAD_CURRENCY",
            `${token} has ${onChain} decimals, the spec says ${spec.currency.decimals}.`,
          );
      }
      const receipt = await sendContractTx(conn, {
        address: deployment.factory as `0x${string}`,
        abi: ticketFactoryAbi,
        functionName: "createEventWithTiers",
        args: [args.config, args.tiers],
        action: `Creating "${spec.name}"`,
      });
      const [created] = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs });
      if (!created)
        throw new CliError("NO_EVENT", `The transaction ${receipt.transactionHash} emitted no EventCreated.`);
      if (args.rules) {
        // Channels and real-name deadlines are set once, before the first mint (EventTicket.configureRules).
        await sendContractTx(conn, {
          address: created.args.ticket,
          abi: eventTicketAbi,
          functionName: "configureRules",
          args: [args.rules.channelRules, args.rules.identityDeadlines, args.rules.names as never],
          action: `Setting channels and real-name deadlines of "${spec.name}"`,
        });
      }
      const result = {
        event: created.args.ticket,
        eventId: created.args.eventId.toString(),
        organizer: created.args.organizer,
        txHash: receipt.transactionHash,
        block: Number(receipt.blockNumber),
      };
      if (ctx.json(cmd)) return ctx.io.out(JSON.stringify(result));
      ctx.io.out(`Created "${spec.name}" as event #${result.eventId} at ${result.event} (block ${result.block}).`);
      summary.forEach((l) => ctx.io.out(l));
      ctx.io.out(`Organizer: ${result.organizer}`);
    });
}
