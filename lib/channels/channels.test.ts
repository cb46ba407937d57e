import { describe, expect, it } from "vitest";
import { hexToString } from "viem";
import {
  ChannelRulesError,
  channelLabel,
  decodeChannelWords,
  encodeChannelRules,
  encodeIdentityDeadlines,
} from "./channels";

describe("encodeChannelRules", () => {
  it("packs quota, mode and the defined bit per channel, and names for 5..7", () => {
    const { channelRules, names } = encodeChannelRules([
      { id: 0, quota: 850 },
      { id: 2, quota: 30, mode: "Locked" },
      { id: 5, quota: 7, name: "press" },
    ]);
    expect(channelRules & 0xffffffffn).toBe(850n | (1n << 26n));
    expect((channelRules >> 64n) & 0xffffffffn).toBe(30n | (2n << 24n) | (1n << 26n));
    expect((channelRules >> 160n) & 0xffffffffn).toBe(7n | (1n << 26n));
    expect(hexToString(names[5]!).replace(/\0+$/, "")).toBe("press");
  });

  it("refuses what the contract refuses", () => {
    expect(() => encodeChannelRules([{ id: 8, quota: 1 }])).toThrow(ChannelRulesError);
    expect(() => encodeChannelRules([{ id: 0, quota: 1, mode: "Locked" }])).toThrow(/public/);
    expect(() => encodeChannelRules([{ id: 1, quota: 2 ** 24 }])).toThrow(/quota/);
    expect(() =>
      encodeChannelRules([
        { id: 1, quota: 1 },
        { id: 1, quota: 2 },
      ]),
    ).toThrow(/twice/);
    expect(() => encodeChannelRules([{ id: 6, quota: 1, name: "x".repeat(17) }])).toThrow(/16 bytes/);
  });
});

describe("decodeChannelWords", () => {
  it("round-trips configured rules and derives the public count from the total", () => {
    const { channelRules } = encodeChannelRules([
      { id: 0, quota: 85 },
      { id: 1, quota: 10, mode: "MarketOnly" },
    ]);
    const channels = 85n | (1n << 24n) | (3n << 32n); // 3 sponsor tickets minted
    const state = decodeChannelWords(channels, channelRules, 8n);
    expect(state[0]).toEqual({ id: 0, defined: true, quota: 85, minted: 5, mode: "Free" });
    expect(state[1]).toEqual({ id: 1, defined: true, quota: 10, minted: 3, mode: "MarketOnly" });
    expect(state[2]!.defined).toBe(false);
  });

  it("reports an unconfigured event as open", () => {
    const state = decodeChannelWords(2n << 128n, 0n, 5n);
    expect(state[4]).toMatchObject({ defined: true, minted: 2 });
    expect(state[0]!.minted).toBe(3);
  });
});

describe("encodeIdentityDeadlines / channelLabel", () => {
  it("packs 32 bits per tier", () => {
    expect(encodeIdentityDeadlines({ 1: 86_400 })).toBe(86_400n << 32n);
    expect(() => encodeIdentityDeadlines({ 8: 1 })).toThrow(ChannelRulesError);
  });

  it("names fixed channels and falls back for unnamed custom ones", () => {
    expect(channelLabel(1)).toBe("sponsor");
    expect(channelLabel(6, { 6: "press" })).toBe("press");
    expect(channelLabel(7)).toBe("channel 7");
  });
});
