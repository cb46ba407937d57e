/**
 * Read an event's signed content (lib/event-content) as stored: for the content route, the app's
 * pages through it, and anything else the server serves about an event (e.g. token metadata).
 */
import { eq } from "drizzle-orm";
import type { StoredEventContent } from "../../lib/event-content/content-schema";
import { eventContent } from "../db/schema";
import type { DbOrTx } from "../db/types";

export type EventContentRecord = {
  /** Lower-case event contract address. */
  contract: string;
  version: number;
  signer: string;
  signature: string;
  contentHash: string;
  updatedAt: Date;
  /** An uploaded image appears as `{ kind: "upload", mediaType, bytes }`; its bytes: readEventImage. */
  content: StoredEventContent;
};

/** The event's current content, or null when its organizer has not written any. */
export async function readEventContent(db: DbOrTx, contract: string): Promise<EventContentRecord | null> {
  const [row] = await db
    .select({
      contract: eventContent.contract,
      version: eventContent.version,
      signer: eventContent.signer,
      signature: eventContent.signature,
      contentHash: eventContent.contentHash,
      updatedAt: eventContent.updatedAt,
      content: eventContent.content,
    })
    .from(eventContent)
    .where(eq(eventContent.contract, contract.toLowerCase()));
  return row ?? null;
}

/** The event's uploaded image, or null (none, or its image is an https address). */
export async function readEventImage(
  db: DbOrTx,
  contract: string,
): Promise<{ mediaType: string; bytes: Buffer; version: number } | null> {
  const [row] = await db
    .select({ b64: eventContent.imageBase64, type: eventContent.imageType, version: eventContent.version })
    .from(eventContent)
    .where(eq(eventContent.contract, contract.toLowerCase()));
  if (!row?.b64 || !row.type) return null;
  return { mediaType: row.type, bytes: Buffer.from(row.b64, "base64"), version: row.version };
}
