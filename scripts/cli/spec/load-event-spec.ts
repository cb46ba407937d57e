/** Reads a JSON or YAML event spec and validates it; every problem is reported with its field path. */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { parse as parseYaml } from "yaml";
import { InputError } from "../errors";
import { eventSpecSchema, type EventSpec } from "./event-spec";

export async function loadEventSpec(file: string): Promise<EventSpec> {
  const text = await readFile(file, "utf8").catch((e: Error) => {
    throw new InputError(`Cannot read spec ${file}: ${e.message}`);
  });
  return parseEventSpec(text, file);
}

/** `name` picks the parser by extension: .json → JSON, anything else → YAML (a JSON superset). */
export function parseEventSpec(text: string, name: string): EventSpec {
  let raw: unknown;
  try {
    raw = extname(name).toLowerCase() === ".json" ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new InputError(
      `${name} is not valid ${extname(name) === ".json" ? "JSON" : "YAML"}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`,
    );
  }
  const parsed = eventSpecSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
    throw new InputError(`${name} has ${problems.length} problem(s):`, problems);
  }
  return parsed.data;
}

/** ["tiers", 1, "price"] → "tiers[1].price" */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
}
