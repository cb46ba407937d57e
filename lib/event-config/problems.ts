/** Event-config problems for people: where (in words, and the spec's path) and what is wrong. */
import type { z } from "zod";
import { type ContractEventArgs, toContractArgs } from "./contract-args";
import { type EventConfig, eventConfigSchema } from "./event-config-schema";

export type ConfigProblem = {
  /** The field in words, as the form labels it: "Tier 1 price". */
  where: string;
  /** The field's path in a spec file: "tiers[1].price". */
  path: string;
  message: string;
};

const words: Record<string, string> = {
  name: "Name",
  symbol: "Ticker symbol",
  start: "Starts",
  end: "Ends",
  lockWindow: "Transfer lock",
  maxPerWallet: "Tickets per wallet",
  maxPerIdentity: "Tickets per person",
  royaltyPercent: "Resale royalty",
  voucherSigner: "Voucher signer",
  currency: "Currency",
  zones: "Zones",
  tiers: "Tiers",
  channels: "Channels",
  price: "price",
  supply: "supply",
  transfer: "transfers",
  resaleCapPercent: "resale cap",
  voucherOnly: "voucher only",
  reserved: "reserved seating",
  identityDeadline: "real-name deadline",
  channel: "name",
  quota: "quota",
  token: "token",
  decimals: "decimals",
};

/** ["tiers", 1, "price"] → "tiers[1].price" */
export function specPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i ? "." : ""}${String(p)}`)).join("");
}

/** ["tiers", 1, "price"] → "Tier 1 price"; ["channels", 0, "quota"] → "Channel 1 quota". */
export function whereInWords(path: readonly PropertyKey[]): string {
  const [head, index, ...rest] = path.map(String);
  if (head === undefined) return "Event";
  const tail = rest.filter((p) => !/^\d+$/.test(p)).map((p) => (words[p] ?? p).toLowerCase());
  if (head === "tiers" && index !== undefined) return ["Tier", index, ...tail].join(" ");
  if (head === "channels" && index !== undefined) return ["Channel", String(Number(index) + 1), ...tail].join(" ");
  return [words[head] ?? head, ...(index !== undefined && !/^\d+$/.test(index) ? [words[index] ?? index] : [])].join(
    " ",
  );
}

export function describeProblems(error: z.ZodError): ConfigProblem[] {
  return error.issues.map((i) => ({ where: whereInWords(i.path), path: specPath(i.path), message: i.message }));
}

export type ParsedEventConfig =
  | { ok: true; config: EventConfig; args: ContractEventArgs }
  | { ok: false; problems: ConfigProblem[] };

/** Validates any event-config input at `now` (unix seconds) and builds the contract arguments. */
export function parseEventConfig(input: unknown, now = BigInt(Math.floor(Date.now() / 1000))): ParsedEventConfig {
  const parsed = eventConfigSchema(now).safeParse(input);
  if (!parsed.success) return { ok: false, problems: describeProblems(parsed.error) };
  return { ok: true, config: parsed.data, args: toContractArgs(parsed.data) };
}
