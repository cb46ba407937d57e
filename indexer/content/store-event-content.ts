/**
 * Store an organizer's signed event content: the content must parse (lib/event-content), the
 * EIP-712 signature must recover to a wallet holding the event's admin role, and its version must
 * be higher than the stored one (checked in the same statement that writes, so two racing writes
 * cannot both win). Refusals are AppErrors with a registry code (lib/errors), never a 500.
 */
import { eq, sql } from "drizzle-orm";
import { type Address, type Hex, getAddress, recoverTypedDataAddress } from "viem";
import { z } from "zod";
import {
  type EventContent,
  eventContentSchema,
  type ImageMediaType,
  type StoredEventContent,
} from "../../lib/event-content/content-schema";
import { eventContentTypedData, hashEventContent } from "../../lib/event-content/content-signature";
import { parseOr400 } from "../api/validation";
import { AppError } from "../../lib/errors/app-error";
import { eventContent, events } from "../db/schema";
import type { Db } from "../db/types";
import type { EventContentRecord } from "./read-event-content";

export const signedContentSchema = z.object({
  version: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  content: eventContentSchema,
  signature: z.string().regex(/^0x[0-9a-fA-F]{130}$/, "must be a 65-byte hex signature"),
});
export type SignedContent = z.input<typeof signedContentSchema>;

export type StoreContentDeps = {
  db: Db;
  chainId: number;
  /** Does `account` administer `event` on chain (its admin role)? Throws when the chain cannot be asked. */
  isOrganizer: (event: Address, account: Address) => Promise<boolean>;
  now: () => Date;
};

/** An upload's bytes leave the JSON for their own column; the JSON keeps its type and size. */
function splitImage(content: EventContent): { stored: StoredEventContent; b64: string | null; type: string | null } {
  const image = content.image;
  if (image?.kind !== "upload") return { stored: { ...content, image }, b64: null, type: null };
  const comma = image.dataUrl.indexOf(",");
  const mediaType = image.dataUrl.slice(5, image.dataUrl.indexOf(";")) as ImageMediaType;
  const b64 = image.dataUrl.slice(comma + 1);
  const bytes = Buffer.from(b64, "base64").length;
  return { stored: { ...content, image: { kind: "upload", mediaType, bytes } }, b64, type: mediaType };
}

export async function storeEventContent(
  deps: StoreContentDeps,
  event: Address,
  body: unknown,
): Promise<EventContentRecord> {
  const { version, content, signature } = parseOr400(signedContentSchema, body);
  const contract = event.toLowerCase();
  const [known] = await deps.db
    .select({ tierCount: events.tierCount })
    .from(events)
    .where(eq(events.address, contract));
  if (!known) throw new AppError("UNKNOWN_EVENT", `no event at ${event}`);
  if (known.tierCount !== null && content.tierNames.length > known.tierCount)
    throw new AppError(
      "BAD_REQUEST",
      `tierNames: ${content.tierNames.length} names for an event with ${known.tierCount} tier(s)`,
    );

  let signer: Address;
  try {
    signer = await recoverTypedDataAddress({
      ...eventContentTypedData(deps.chainId, getAddress(event), version, content),
      signature: signature as Hex,
    });
  } catch {
    throw new AppError("BAD_REQUEST", "signature: not a valid signature");
  }
  if (!(await deps.isOrganizer(getAddress(event), signer)))
    throw new AppError(
      "NOT_ORGANIZER",
      `signed by ${signer}, which does not hold the admin role of ${getAddress(event)}`,
    );

  const { stored, b64, type } = splitImage(content);
  const row = {
    contract,
    version,
    content: stored,
    imageBase64: b64,
    imageType: type,
    signer: signer.toLowerCase(),
    signature: signature.toLowerCase(),
    contentHash: hashEventContent(content),
    updatedAt: deps.now(),
  };
  const { contract: _, ...update } = row;
  const written = await deps.db
    .insert(eventContent)
    .values(row)
    .onConflictDoUpdate({
      target: eventContent.contract,
      set: update,
      setWhere: sql`${eventContent.version} < ${version}`,
    })
    .returning({ version: eventContent.version });
  if (written.length === 0)
    throw new AppError("STALE_VERSION", `version ${version} is not newer than the stored version`);
  return { ...row, content: stored };
}
