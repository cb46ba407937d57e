import { describe, expect, it } from "vitest";
import { verdictWords } from "./verdict-words";

describe("verdictWords", () => {
  it("uses the shared gate text for known codes and the server's message otherwise", () => {
    expect(verdictWords("ALREADY_CHECKED_IN")).toBe("This ticket has already been admitted.");
    expect(verdictWords("SOMETHING_NEW", "New rule")).toBe("New rule");
    expect(verdictWords("SOMETHING_NEW")).toBe("Refused (SOMETHING_NEW).");
    expect(verdictWords(undefined)).toBe("Refused.");
  });
});
