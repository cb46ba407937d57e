/**
 * ERC-721 metadata JSON (the "ERC721 Metadata JSON Schema": name, description, image, plus the
 * widely read external_url and attributes) for one ticket, and ERC-7572 contract-level metadata
 * for the event's collection. Built from a TicketCard, so the JSON and the SVG image say the same.
 */
import type { MetadataContent } from "./metadata-content";
import type { TicketCard } from "./ticket-card";

export type Erc721Attribute = { trait_type: string; value: string | number; display_type?: "date" };

export type Erc721Metadata = {
  name: string;
  description: string;
  image: string;
  external_url: string;
  attributes: Erc721Attribute[];
};

export type CollectionMetadata = {
  name: string;
  description: string;
  image?: string;
  external_link: string;
};

/** `urls.image`: this ticket's SVG; `urls.page`: its page in the app. */
export function tokenMetadata(
  card: TicketCard,
  content: MetadataContent | null,
  urls: { image: string; page: string },
): Erc721Metadata {
  const attributes: Erc721Attribute[] = [{ trait_type: "Event", value: card.eventName }];
  // OpenSea's "date" display type: unix seconds, shown in the viewer's zone.
  if (card.startTime !== null) attributes.push({ trait_type: "Date", display_type: "date", value: card.startTime });
  attributes.push({ trait_type: "Tier", value: card.tierName }, { trait_type: "Zone", value: card.zoneText });
  if (card.seatText) attributes.push({ trait_type: "Seat", value: card.seatText });
  attributes.push({ trait_type: "Status", value: card.status.text });
  const where = card.seatText ? ` ${card.seatText}.` : "";
  const about = content?.description?.trim() ? `\n\n${content.description.trim()}` : "";
  return {
    name: `${card.eventName}: ${card.tierName} #${card.tokenId}`,
    description: `Ticket #${card.tokenId} for ${card.eventName}, ${card.dateText}. ${card.tierName}.${where} Status: ${card.status.text}.${about}`,
    image: urls.image,
    external_url: urls.page,
    attributes,
  };
}

/** `urls.page`: the event's page in the app. Without content there is no image of the event: none is given. */
export function collectionMetadata(
  event: { name: string; startTime: number | null; dateText: string },
  content: MetadataContent | null,
  urls: { page: string },
): CollectionMetadata {
  const description = content?.description?.trim() || `Tickets for ${event.name}, ${event.dateText}.`;
  return {
    name: event.name,
    description,
    ...(content?.imageUrl ? { image: content.imageUrl } : {}),
    external_link: urls.page,
  };
}
