/** Channels and real-name deadlines in the event spec → `configureRules` arguments. */
import { describe, expect, it } from "vitest";
import { toContractArgs } from "../../../lib/event-config/contract-args";
import { InputError } from "../errors";
import { parseEventSpec } from "./load-event-spec";

const base = {
  name: "Channel Night",
  symbol: "CN",
  start: "2030-07-01T20:00:00Z",
  end: "2030-07-02T02:00:00Z",
  tiers: [{ name: "GA", price: "0.05", supply: 1000, zones: ["general"], identityDeadline: "24h" }],
};

const parse = (spec: unknown) => parseEventSpec(JSON.stringify(spec), "spec.json");

describe("event spec channels", () => {
  it("maps fixed channel names to their ids and custom ones to 5..7, with quotas, rules and deadlines", () => {
    const args = toContractArgs(
      parse({
        ...base,
        channels: [
          { channel: "public", quota: 850 },
          { channel: "sponsor", quota: 100, transfer: "market-only" },
          { channel: "staff", quota: 30, transfer: "locked" },
          { channel: "press", quota: 20 },
        ],
      }),
    );
    expect(args.rules!.channels).toEqual([
      { id: 0, quota: 850, mode: "Free", name: undefined },
      { id: 1, quota: 100, mode: "MarketOnly", name: undefined },
      { id: 2, quota: 30, mode: "Locked", name: undefined },
      { id: 5, quota: 20, mode: "Free", name: "press" },
    ]);
    expect(args.rules!.identityDeadlines).toBe(86_400n);
    expect((args.rules!.channelRules >> 64n) & 0xffffffffn).toBe(30n | (2n << 24n) | (1n << 26n));
  });

  it("sends no rules when the spec sets neither channels nor deadlines", () => {
    expect(
      toContractArgs(parse({ ...base, tiers: [{ name: "GA", price: "0.05", supply: 10, zones: ["general"] }] })).rules,
    ).toBeUndefined();
  });

  it("refuses duplicate channels, a locked public channel, and more than three of your own", () => {
    const refused = (channels: unknown) => {
      try {
        parse({ ...base, channels });
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return ((e as InputError).details ?? [(e as Error).message]).join("\n");
      }
      throw new Error("expected a refusal");
    };
    expect(
      refused([
        { channel: "sponsor", quota: 1 },
        { channel: "sponsor", quota: 2 },
      ]),
    ).toMatch(/listed twice/);
    expect(refused([{ channel: "public", quota: 1, transfer: "locked" }])).toMatch(/public channel/);
    expect(refused(["a", "b", "c", "d"].map((channel) => ({ channel, quota: 1 })))).toMatch(/at most 3/);
    expect(refused([{ channel: "sponsor", quota: -1 }])).toMatch(/quota/);
  });
});
