import { describe, expect, it } from "vitest";
import { createVerdictHold } from "./verdict-hold";

function setup() {
  let t = 1_000;
  const checked: string[] = [];
  const queued: boolean[] = [];
  const finishers: (() => void)[] = [];
  const hold = createVerdictHold({
    holdMs: 2_500,
    now: () => t,
    check: (text) => {
      checked.push(text);
      return new Promise<void>((resolve) => finishers.push(resolve));
    },
    onBusy: () => {},
    onQueued: (q) => queued.push(q),
  });
  const finish = async () => {
    finishers.shift()?.();
    await new Promise((r) => setImmediate(r));
  };
  return { hold, checked, queued, finish, advance: (ms: number) => void (t += ms) };
}

describe("verdict hold", () => {
  it("a tap during a scan is queued (the latest wins) and checked as soon as that scan ends", async () => {
    const s = setup();
    s.hold.submit("A", "tap");
    s.hold.submit("B", "tap");
    s.hold.submit("C", "tap");
    expect(s.checked).toEqual(["A"]);
    expect(s.queued).toEqual([true, true]);
    await s.finish();
    expect(s.checked).toEqual(["A", "C"]);
    expect(s.queued.at(-1)).toBe(false);
  });

  it("during a verdict's hold the camera is not read again, a tap is checked at once", async () => {
    const s = setup();
    s.hold.submit("A", "camera");
    await s.finish();
    s.hold.submit("A", "camera");
    expect(s.checked).toEqual(["A"]);
    s.hold.submit("B", "tap");
    expect(s.checked).toEqual(["A", "B"]);
    await s.finish();
    s.advance(2_500);
    s.hold.submit("D", "camera");
    expect(s.checked).toEqual(["A", "B", "D"]);
  });

  it("dispose drops a queued tap", async () => {
    const s = setup();
    s.hold.submit("A", "tap");
    s.hold.submit("B", "tap");
    s.hold.dispose();
    await s.finish();
    expect(s.checked).toEqual(["A"]);
  });
});
