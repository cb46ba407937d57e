/** What every command needs from the program: output, and configuration from env + global flags. */
import type { Command } from "commander";
import { loadCliConfig, type CliConfig, type Env, type GlobalFlags } from "./cli-config";
import type { CliIo } from "./cli-io";

export type CommandContext = {
  io: CliIo;
  config(cmd: Command): CliConfig;
  json(cmd: Command): boolean;
};

export function commandContext(io: CliIo, env: Env): CommandContext {
  return {
    io,
    config: (cmd) => loadCliConfig(env, cmd.optsWithGlobals<GlobalFlags>()),
    json: (cmd) => Boolean(cmd.optsWithGlobals<{ json?: boolean }>().json),
  };
}
