import { describe, expect, it } from "vitest";
import { parseAllocationForm } from "./allocation-form";

describe("parseAllocationForm", () => {
  it("nothing filled in: no rules to send", () => {
    expect(parseAllocationForm({ channels: "", bindHours: "", bindTiers: "" }, 2)).toEqual({ ok: true, rules: null });
  });

  it("channels by name, custom ones from id 5, and a real-name deadline for listed tiers", () => {
    const r = parseAllocationForm(
      { channels: "public 850\nsponsor 100 market-only\nstaff 30 locked\npress 5", bindHours: "24", bindTiers: "0, 1" },
      2,
    );
    if (!r.ok || !r.rules) throw new Error("expected rules");
    expect((r.rules.channelRules >> 32n) & 0xffffffffn).toBe(100n | (1n << 24n) | (1n << 26n));
    expect((r.rules.channelRules >> 160n) & 0xffffffffn).toBe(5n | (1n << 26n));
    expect(r.rules.identityDeadlines).toBe(86_400n | (86_400n << 32n));
  });

  it("explains every problem", () => {
    const r = parseAllocationForm({ channels: "sponsor many\npublic 10 locked", bindHours: "-1", bindTiers: "7" }, 2);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.join("\n")).toMatch(/line 1/);
    expect(r.problems.join("\n")).toMatch(/no tier 7/);
    expect(r.problems.join("\n")).toMatch(/positive/);
  });
});
