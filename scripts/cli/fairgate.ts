#!/usr/bin/env node
/** `npm run fairgate -- <command>` and the package's `fairgate` bin. */
import { runCli } from "./program";

process.exitCode = await runCli(process.argv.slice(2));
