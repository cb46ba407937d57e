/**
 * The arguments of `TicketFactory.createEventWithTiers`, typed from the generated ABI (so a change to
 * the contract's structs breaks the build here, not at run time), built from a validated event config.
 */
import { type ContractFunctionArgs, parseUnits, zeroAddress } from "viem";
import { encodeChannelRules, encodeIdentityDeadlines, fixedChannelNames, type ChannelRule } from "../channels";
import type { ticketFactoryAbi } from "../generated/abis";
import { type EventConfig, transferModes } from "./event-config-schema";

type CreateArgs = ContractFunctionArgs<typeof ticketFactoryAbi, "nonpayable", "createEventWithTiers">;
/** The `EventConfig` struct. */
export type EventConfigArgs = CreateArgs[0];
/** One `TierConfig` struct. */
export type TierConfigArgs = CreateArgs[1][number];

export type ContractEventArgs = {
  config: EventConfigArgs;
  tiers: TierConfigArgs[];
  /** `configureRules(channelRules, identityDeadlines, names)`, sent right after creation; absent when unset. */
  rules?: { channelRules: bigint; identityDeadlines: bigint; names: readonly `0x${string}`[]; channels: ChannelRule[] };
};

const channelModes = { free: "Free", "market-only": "MarketOnly", locked: "Locked" } as const;

/** Channel names → ids: the fixed ones keep theirs, your own take 5, 6, 7 in order. */
function channelRules(config: EventConfig): ChannelRule[] {
  let next = fixedChannelNames.length;
  return (config.channels ?? []).map((c) => {
    const fixed = (fixedChannelNames as readonly string[]).indexOf(c.channel);
    return {
      id: fixed >= 0 ? fixed : next++,
      quota: c.quota,
      mode: channelModes[c.transfer],
      name: fixed >= 0 ? undefined : c.channel,
    };
  });
}

function rulesOf(config: EventConfig): Pick<ContractEventArgs, "rules"> {
  const deadlines = Object.fromEntries(
    config.tiers.flatMap((t, i) => (t.identityDeadline ? [[i, t.identityDeadline]] : [])),
  );
  if (!config.channels?.length && Object.keys(deadlines).length === 0) return {};
  const channels = channelRules(config);
  const { channelRules: word, names } = encodeChannelRules(channels);
  return { rules: { channelRules: word, identityDeadlines: encodeIdentityDeadlines(deadlines), names, channels } };
}

/** The `createEventWithTiers(EventConfig, TierConfig[])` arguments (and the follow-up rules) for a validated config. */
export function toContractArgs(config: EventConfig): ContractEventArgs {
  const zoneBit = (name: string) => 2 ** config.zones.indexOf(name);
  const decimals = config.currency?.decimals ?? 18;
  return {
    config: {
      name: config.name,
      symbol: config.symbol,
      startTime: config.start,
      endTime: config.end,
      lockWindow: config.lockWindow,
      maxPerWallet: config.maxPerWallet,
      maxPerIdentity: config.maxPerIdentity,
      royaltyBps: config.royaltyPercent,
      voucherSigner: (config.voucherSigner as `0x${string}` | undefined) ?? zeroAddress,
      currency: (config.currency?.token as `0x${string}` | undefined) ?? zeroAddress,
    },
    tiers: config.tiers.map((t) => ({
      faceValue: parseUnits(t.price, decimals),
      supply: t.supply,
      // Sum of distinct bits; >>> 0 keeps bit 31 unsigned.
      zones: [...new Set(t.zones)].reduce((mask, z) => mask + zoneBit(z), 0) >>> 0,
      mode: transferModes[t.transfer],
      resaleCapBps: t.resaleCapPercent,
      voucherOnly: t.voucherOnly,
      reserved: t.reserved,
    })),
    ...rulesOf(config),
  };
}
