/** Reads a JSON or YAML event spec and validates it with the one event-config schema (lib/event-config). */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse as parseYaml } from "yaml";
import type { EventConfig } from "../../../lib/event-config/event-config-schema";
import { parseEventConfig } from "../../../lib/event-config/problems";
import { InputError } from "../errors";

export async function loadEventSpec(file: string, now?: bigint): Promise<EventConfig> {
  const text = await readFile(file, "utf8").catch((e: Error) => {
    throw new InputError(`Cannot read spec ${file}: ${e.message}`);
  });
  return parseEventSpec(text, file, now);
}

/** `name` picks the parser by extension: .json → JSON, anything else → YAML (a JSON superset). */
export function parseEventSpec(text: string, name: string, now?: bigint): EventConfig {
  let raw: unknown;
  try {
    raw = extname(name).toLowerCase() === ".json" ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new InputError(
      `${name} is not valid ${extname(name) === ".json" ? "JSON" : "YAML"}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
    );
  }
  const parsed = parseEventConfig(raw, now);
  if (!parsed.ok) {
    // The file's author edits keys, so the CLI names each problem by its path in the spec.
    const problems = parsed.problems.map((p) => `${p.path}: ${p.message}`);
    throw new InputError(`${name} has ${problems.length} problem(s):`, problems);
  }
  return parsed.config;
}
