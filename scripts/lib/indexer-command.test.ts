import { describe, expect, it } from "vitest";
import { indexerCommand, INDEXER_MALLOC_ARENA_MAX, INDEXER_NODE_FLAGS } from "./indexer-command";

describe("indexerCommand", () => {
  it("starts indexer/main.ts with the memory flags and malloc arena cap (every launcher uses it)", () => {
    const c = indexerCommand({});
    expect(c.command).toBe(process.execPath);
    expect(c.args.slice(0, INDEXER_NODE_FLAGS.length)).toEqual([...INDEXER_NODE_FLAGS]);
    expect(c.args).toContain("--v8-pool-size=2");
    expect(c.args.at(-1)).toMatch(/indexer\/main\.ts$/);
    expect(c.env).toEqual({ MALLOC_ARENA_MAX: String(INDEXER_MALLOC_ARENA_MAX) });
  });

  it("keeps an arena cap already in the environment, and takes other flags when asked", () => {
    expect(indexerCommand({ MALLOC_ARENA_MAX: "4" }).env.MALLOC_ARENA_MAX).toBe("4");
    expect(indexerCommand({}, []).args[0]).toBe("--import");
  });
});
