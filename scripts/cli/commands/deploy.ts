/** `fairgate deploy [--dry-run] [--force]` */
import type { Command } from "commander";
import { connectWrite } from "../chain/connect";
import type { CommandContext } from "../command-context";
import { deployFactory, formatPlan } from "../deploy/deploy-factory";

export function registerDeploy(program: Command, ctx: CommandContext): void {
  program
    .command("deploy")
    .description(
      "deploy Fairgate (TicketFactory + ResaleMarket + Waitlist) to RPC_URL / CHAIN_ID; skips when already deployed there",
    )
    .option("--dry-run", "print the plan and estimated gas cost; send nothing")
    .option("--force", "deploy a new factory even if one is recorded for this chain")
    .action(async (opts: { dryRun?: boolean; force?: boolean }, cmd: Command) => {
      const conn = await connectWrite(ctx.config(cmd));
      const result = await deployFactory(conn, opts);
      if (ctx.json(cmd))
        return ctx.io.out(
          JSON.stringify({
            action: result.plan.action,
            dryRun: !!opts.dryRun,
            reason: result.plan.reason,
            estimatedGas: result.plan.estimatedGas?.toString(),
            estimatedCostWei: result.plan.estimatedCost?.toString(),
            deployment: result.deployment ?? null,
          }),
        );
      for (const line of formatPlan(result.plan, !!opts.dryRun)) ctx.io.out(line);
      if (result.txHash && result.deployment) {
        ctx.io.out(
          `Deployed TicketFactory ${result.deployment.factory} (market ${result.deployment.market}, waitlist ${result.deployment.waitlist}) in block ${result.deployment.fromBlock}, tx ${result.txHash}.`,
        );
        ctx.io.out(`Recorded for chain ${result.deployment.chainId} in ${conn.config.deploymentsFile}.`);
      }
    });
}
