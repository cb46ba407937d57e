/**
 * The `fairgate` command tree (commander). `runCli` never exits the process: it returns the exit
 * code, so tests drive it in-process and `fairgate.ts` owns `process.exit`.
 */
import { Command, CommanderError } from "commander";
import type { Env } from "./cli-config";
import { CliError } from "./errors";
import { commandContext } from "./command-context";
import { stdio, type CliIo } from "./cli-io";
import { registerCancel } from "./commands/cancel";
import { registerDeploy } from "./commands/deploy";
import { registerEventCreate } from "./commands/event-create";
import { registerExport } from "./commands/export";
import { registerGate } from "./commands/gate";
import { registerMint } from "./commands/mint";
import { registerStatus } from "./commands/status";
import { registerLeaks } from "./commands/leaks";
import { registerWaitlist } from "./commands/waitlist";
import { registerWithdraw } from "./commands/withdraw";

export function createProgram(io: CliIo = stdio, env: Env = process.env): Command {
  const program = new Command("fairgate")
    .description("Fairgate organizer CLI: deploy, create events, mint, run gates, report")
    .option("--rpc-url <url>", "JSON-RPC endpoint (env RPC_URL; default the local node)")
    .option("--chain-id <id>", "expected chain id (env CHAIN_ID; default 31337)")
    .option("--deployments <file>", "deployments file (env DEPLOYMENTS_FILE; default data/deployments.json)")
    .option("--account <index>", "local node account that signs when no key is set (env FAIRGATE_ACCOUNT; default 0)")
    .option(
      "--indexer-url <url>",
      "indexer API, for gate check-ins in status/export and the leak report (env INDEXER_URL)",
    )
    .option("--json", "machine-readable output")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, "")), writeErr: (s) => io.err(s.replace(/\n$/, "")) });
  const ctx = commandContext(io, env);
  registerDeploy(program, ctx);
  registerEventCreate(program, ctx);
  registerMint(program, ctx);
  registerStatus(program, ctx);
  registerLeaks(program, ctx);
  registerExport(program, ctx);
  registerGate(program, ctx);
  registerCancel(program, ctx);
  registerWithdraw(program, ctx);
  registerWaitlist(program, ctx);
  // Subcommands inherit the overrides, so a usage error anywhere returns instead of exiting.
  for (const cmd of allCommands(program)) cmd.exitOverride().configureOutput(program.configureOutput());
  return program;
}

function allCommands(cmd: Command): Command[] {
  return cmd.commands.flatMap((c) => [c, ...allCommands(c)]);
}

/** Runs one command line (without `node` and the script); returns the exit code. */
export async function runCli(argv: string[], io: CliIo = stdio, env: Env = process.env): Promise<number> {
  try {
    await createProgram(io, env).parseAsync(argv, { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2; // usage error, already printed
    if (error instanceof CliError) {
      io.err(`error [${error.code}]: ${error.message}`);
      for (const d of error.details ?? []) io.err(`  - ${d}`);
      return 1;
    }
    io.err(`unexpected error: ${error instanceof Error ? (env.DEBUG ? error.stack : error.message) : String(error)}`);
    return 1;
  }
}
