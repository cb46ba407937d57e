/** Token metadata's view of an event's signed content (indexer/content): description, image, time zone, tier names. */
import { uploadedImagePath } from "../../lib/event-content/content-schema";
import { readEventContent } from "../content/read-event-content";
import type { DbOrTx } from "../db/types";
import type { ReadMetadataContent } from "./metadata-content";

export function eventContentReader(db: DbOrTx): ReadMetadataContent {
  return async (contract, origin) => {
    const record = await readEventContent(db, contract);
    if (!record) return null;
    const { content } = record;
    const image = content.image;
    return {
      description: content.description || null,
      // An uploaded image is served by this server; the version in its address busts wallets' caches.
      imageUrl: !image
        ? null
        : image.kind === "url"
          ? image.url
          : `${origin}${uploadedImagePath(record.contract, record.version)}`,
      timeZone: content.timeZone,
      tierNames: content.tierNames,
    };
  };
}
