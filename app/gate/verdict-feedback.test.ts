import { afterEach, describe, expect, it, vi } from "vitest";
import { verdictFeedback } from "./verdict-feedback";

afterEach(() => vi.unstubAllGlobals());

describe("verdict sound and vibration", () => {
  it("stays silent, without throwing, where there is neither Web Audio nor vibration", () => {
    vi.stubGlobal("AudioContext", undefined);
    vi.stubGlobal("navigator", {});
    expect(verdictFeedback("ADMIT")).toEqual({ sound: false, vibration: false });
  });

  it("a refusing device (vibrate throws) is silent too", () => {
    vi.stubGlobal("AudioContext", undefined);
    vi.stubGlobal("navigator", {
      vibrate: () => {
        throw new Error("not allowed");
      },
    });
    expect(verdictFeedback("DENY")).toEqual({ sound: false, vibration: false });
  });

  it("ADMIT one buzz and one tone, DENY a longer pattern and two tones", () => {
    const vibrate = vi.fn(() => true);
    const started: number[] = [];
    class FakeAudio {
      state = "running";
      currentTime = 0;
      destination = {};
      createOscillator() {
        return {
          frequency: { value: 0 },
          connect: (n: unknown) => n,
          start: (at: number) => started.push(at),
          stop: () => {},
        };
      }
      createGain() {
        return { gain: { value: 0 }, connect: (n: unknown) => n };
      }
    }
    vi.stubGlobal("AudioContext", FakeAudio);
    vi.stubGlobal("navigator", { vibrate });
    expect(verdictFeedback("ADMIT")).toEqual({ sound: true, vibration: true });
    expect(vibrate).toHaveBeenLastCalledWith([80]);
    expect(started).toHaveLength(1);
    verdictFeedback("DENY");
    expect(vibrate).toHaveBeenLastCalledWith([200, 100, 200]);
    expect(started).toHaveLength(3);
  });
});
