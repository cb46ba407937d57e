import { describe, expect, it } from "vitest";
import { verdictWords } from "./verdict-words";

describe("verdictWords", () => {
  it("uses the shared gate text for known codes and the server's message otherwise", () => {
    expect(verdictWords("ALREADY_CHECKED_IN")).toBe("This ticket has already been admitted.");
    expect(verdictWords("SOMETHING_NEW", "New rule")).toBe("New rule");
    expect(verdictWords("SOMETHING_NEW")).toBe("Refused (SOMETHING_NEW).");
    expect(verdictWords(undefined)).toBe("Refused.");
  });

  it("an offline list older than the phone's pass names the list's time, never blames the fan", () => {
    const words = verdictWords(
      "SNAPSHOT_BEHIND",
      "device key not in the snapshot",
      new Date(2026, 0, 1, 18, 42).getTime(),
    );
    expect(words).toBe(
      "This gate's list is from 18:42; the phone was set up later. Connect the gate or check the fan's ID.",
    );
    expect(words).not.toMatch(/not set up/);
  });
});
