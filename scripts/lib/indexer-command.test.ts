import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import {
  heapGrowthFlags,
  INDEXER_MALLOC_ARENA_MAX,
  INDEXER_NODE_FLAGS,
  indexerCommand,
  LauncherSettingError,
} from "./indexer-command";

describe("indexerCommand", () => {
  it("starts indexer/main.ts with the memory flags and malloc arena cap (every launcher uses it)", () => {
    const c = indexerCommand({});
    expect(c.command).toBe(process.execPath);
    expect(c.args.slice(0, INDEXER_NODE_FLAGS.length)).toEqual([...INDEXER_NODE_FLAGS]);
    expect(c.args).toContain("--v8-pool-size=2");
    expect(c.args).toContain("--heap-growing-percent=20");
    expect(c.args.at(-1)).toMatch(/indexer\/main\.ts$/);
    expect(c.env).toEqual({ MALLOC_ARENA_MAX: String(INDEXER_MALLOC_ARENA_MAX) });
  });

  it("keeps an arena cap already in the environment, and takes other flags when asked", () => {
    expect(indexerCommand({ MALLOC_ARENA_MAX: "4" }).env.MALLOC_ARENA_MAX).toBe("4");
    expect(indexerCommand({ HEAP_GROWING_PERCENT: "0" }, []).args[0]).toBe("--import");
  });

  it("turns HEAP_GROWING_PERCENT into V8's flag, 0 into none, and refuses anything else before starting", () => {
    expect(heapGrowthFlags({ HEAP_GROWING_PERCENT: "35" })).toEqual(["--heap-growing-percent=35"]);
    expect(heapGrowthFlags({ HEAP_GROWING_PERCENT: "0" })).toEqual([]);
    for (const bad of ["-5", "1.5", "ten", "", "1001"])
      expect(() => heapGrowthFlags({ HEAP_GROWING_PERCENT: bad })).toThrow(LauncherSettingError);
  });

  it("gives Node flags that this Node accepts (a renamed V8 flag would stop every launch)", () => {
    const { args } = indexerCommand({});
    const flags = args.slice(0, args.indexOf("--import"));
    const r = spawnSync(process.execPath, [...flags, "-e", "0"], { encoding: "utf8" });
    expect(r.error).toBeUndefined();
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
  });
});
