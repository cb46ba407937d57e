import { describe, expect, it } from "vitest";
import { parseAllocationForm } from "./allocation-form";
import { defaultEventForm, parseEventForm } from "./event-form";

const NOW = new Date("2030-01-01T12:00:00Z");
const form = { ...defaultEventForm(NOW), name: "Channel Night", start: "2030-06-01T20:00", end: "2030-06-01T23:00" };

describe("parseAllocationForm", () => {
  it("nothing filled in: no rules to send", () => {
    const typed = parseAllocationForm({ channels: "", bindHours: "", bindTiers: "" }, 2);
    expect(typed).toEqual({ ok: true, input: { channels: [], identityDeadlines: {} } });
    const r = parseEventForm(form, undefined, NOW, typed.ok ? typed.input : undefined);
    expect(r.ok && r.args.rules).toBeUndefined();
  });

  it("channels by name, custom ones from id 5, and a real-name deadline for listed tiers, via the event config", () => {
    const typed = parseAllocationForm(
      { channels: "Public 850\nsponsor 100 market-only\nstaff 30 locked\npress 5", bindHours: "24", bindTiers: "0, 1" },
      2,
    );
    if (!typed.ok) throw new Error(typed.problems.join("; "));
    const r = parseEventForm({ ...form, tiers: [form.tiers[0]!, form.tiers[0]!] }, undefined, NOW, typed.input);
    if (!r.ok || !r.args.rules) throw new Error(JSON.stringify(r));
    const rules = r.args.rules;
    expect((rules.channelRules >> 32n) & 0xffffffffn).toBe(100n | (1n << 24n) | (1n << 26n));
    expect((rules.channelRules >> 160n) & 0xffffffffn).toBe(5n | (1n << 26n));
    expect(rules.identityDeadlines).toBe(86_400n | (86_400n << 32n));
  });

  it("explains every typing problem; the schema explains the rest", () => {
    const r = parseAllocationForm({ channels: "sponsor many\npublic 10 locked", bindHours: "-1", bindTiers: "7" }, 2);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.join("\n")).toMatch(/line 1/);
    expect(r.problems.join("\n")).toMatch(/no tier 7/);
    expect(r.problems.join("\n")).toMatch(/positive/);
    const typed = parseAllocationForm(
      { channels: "public 10 locked\na 1\nb 1\nc 1\nd 1", bindHours: "", bindTiers: "" },
      1,
    );
    if (!typed.ok) throw new Error(typed.problems.join("; "));
    const judged = parseEventForm(form, undefined, NOW, typed.input);
    expect(judged.ok ? [] : judged.problems.map((p) => `${p.where}: ${p.message}`)).toEqual([
      "Channels: allows at most 3 channels of your own (ids 5–7)",
      "Channel 1 transfers: the public channel follows its tiers' transfer rule (leave it free)",
    ]);
  });
});
