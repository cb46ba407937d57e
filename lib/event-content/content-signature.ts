/**
 * How an organizer binds content to an event: an EIP-712 signature over the event's address, a
 * version number and the keccak-256 of the content's canonical JSON. The wallet shows the event
 * and the version; the hash covers every field (an uploaded image's bytes included), and the
 * indexer stores the content only if the signer holds the event's admin role on chain.
 */
import { type Address, type Hex, keccak256, toBytes } from "viem";
import type { EventContent } from "./content-schema";

/** JSON with object keys sorted at every depth: one byte string per value, whoever serialises it. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The hash the organizer signs: of the content as `eventContentSchema` outputs it (trimmed). */
export function hashEventContent(content: EventContent): Hex {
  return keccak256(toBytes(canonicalJson(content)));
}

export const EVENT_CONTENT_TYPES = {
  EventContent: [
    { name: "event", type: "address" },
    { name: "version", type: "uint64" },
    { name: "contentHash", type: "bytes32" },
  ],
} as const;

/** The typed data to sign (viem `signTypedData`) or to verify, for `content` at `version`. */
export function eventContentTypedData(chainId: number, event: Address, version: number, content: EventContent) {
  return {
    domain: { name: "Fairgate event content", version: "1", chainId },
    types: EVENT_CONTENT_TYPES,
    primaryType: "EventContent" as const,
    message: { event, version: BigInt(version), contentHash: hashEventContent(content) },
  };
}
