import { describe, expect, it } from "vitest";
import { prefetcher } from "./prefetch";

describe("prefetcher", () => {
  it("hands over the read-ahead once, only for the same start and key", async () => {
    const key = ["0xa"];
    const ahead = prefetcher<string>();
    expect(await ahead.take(1, key)).toBeNull();
    ahead.start(11, key, async () => "11..20");
    expect(await ahead.take(11, key)).toBe("11..20");
    expect(await ahead.take(11, key)).toBeNull(); // used up

    ahead.start(21, key, async () => "21..30");
    expect(await ahead.take(21, ["0xa"])).toBeNull(); // the known contracts changed (a new array)
    ahead.start(31, key, async () => "31..40");
    expect(await ahead.take(30, key)).toBeNull(); // the cursor is elsewhere (rollback)
  });

  it("turns a failed read-ahead into null instead of an error, and clear() drops it", async () => {
    const ahead = prefetcher<string>();
    ahead.start(1, 0, async () => {
      throw new Error("429");
    });
    expect(await ahead.take(1, 0)).toBeNull();
    ahead.start(1, 0, async () => "x");
    ahead.clear();
    expect(await ahead.take(1, 0)).toBeNull();
  });
});
