/**
 * What token metadata takes from an event's off-chain content (the organizer's description, image,
 * time zone and tier names). Without content the metadata falls back to what the chain knows: the
 * event's on-chain name, "Tier N", UTC and no image of the event.
 */
export type MetadataContent = {
  description: string | null;
  /** Absolute URL of the event's image (https, or the server's copy of an upload). */
  imageUrl: string | null;
  /** IANA time zone of the venue. */
  timeZone: string | null;
  /** By tier number; an empty name falls back to "Tier N". */
  tierNames: readonly string[];
};

/** `origin`: this server's public origin, for an uploaded image's address. */
export type ReadMetadataContent = (contract: string, origin: string) => Promise<MetadataContent | null>;
