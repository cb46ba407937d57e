import { formatPrice } from "../../lib/currency/currency";

/** Zone bit names; bit 0 general admission, bit 1 VIP, bit 2 backstage (design.md §2). */
export const ZONE_NAMES = ["General", "VIP", "Backstage"] as const;

/** `5` → `["General", "Backstage"]`; unnamed bits become "Zone n". */
export function zoneNames(mask: number): string[] {
  const names: string[] = [];
  for (let bit = 0; bit < 32; bit++) if (mask & (1 << bit)) names.push(ZONE_NAMES[bit] ?? `Zone ${bit}`);
  return names;
}

export const TRANSFER_MODES = ["Free", "MarketOnly", "Locked"] as const;
export type TransferModeName = (typeof TRANSFER_MODES)[number];

/** How a tier's tickets may move, in words, for the fan deciding whether to transfer or resell. */
export const TRANSFER_MODE_WORDS: Record<TransferModeName, string> = {
  Free: "Transferable: you can send it to a friend or resell it on the official market.",
  MarketOnly: "Resale only: it can change hands only through the official resale market, within the price cap.",
  Locked: "Non-transferable: this ticket is tied to the buyer's wallet and cannot be sent or resold.",
};

export function transferModeName(mode: number): TransferModeName {
  return TRANSFER_MODES[mode] ?? "Locked";
}

/** `150000000000000000n` → `0.15 ETH`: native-coin amounts (gas, ETH events); prices of an event
 * in its own currency go through `formatPrice` (lib/currency) with the event's currency. */
export function formatEth(wei: bigint): string {
  return formatPrice(wei);
}

/** Unix seconds → a short local date and time. */
export function formatTime(seconds: bigint | number): string {
  return new Date(Number(seconds) * 1000).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}
