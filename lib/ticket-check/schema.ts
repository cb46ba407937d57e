/** `GET /check?q=…`: the public ticket check's answer. Addresses only; no personal data exists to show. */
import { z } from "zod";

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/);
const uint = z.string().regex(/^\d+$/);

export const ticketCheckSchema = z.object({
  reference: z.object({
    contract: address,
    tokenId: uint,
    source: z.enum(["id", "link", "pass"]),
    chainId: z.number().int().nullable(),
  }),
  /**
   * genuine: exists, unused, event on · used: already admitted · void: event cancelled or ticket refunded ·
   * unknown: no such ticket in any Fairgate event this indexer follows · wrong-chain: a pass for another chain
   */
  verdict: z.enum(["genuine", "used", "void", "unknown", "wrong-chain"]),
  ticket: z
    .object({
      eventName: z.string().nullable(),
      startTime: uint.nullable(),
      tier: z.number().int().nullable(),
      transferMode: z.enum(["free", "market-only", "locked"]).nullable(),
      holder: address,
      faceValue: uint.nullable(),
      maxResalePrice: uint.nullable(),
      identityBound: z.boolean(),
      checkedIn: z.boolean(),
      /** When a gate admitted it (ISO): set before the chain knows (the batcher writes it seconds later). */
      checkedInAt: z.string().nullable().default(null),
      checkedInOnChain: z.boolean().default(false),
      eventCancelled: z.boolean(),
      refunded: z.boolean(),
      officialListing: z.object({ price: uint, seller: address, stale: z.boolean() }).nullable(),
    })
    .nullable(),
  /** Plain-language advice for a would-be buyer, most important first. */
  warnings: z.array(z.string()),
});

export type TicketCheck = z.infer<typeof ticketCheckSchema>;
