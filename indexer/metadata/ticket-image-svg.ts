/**
 * The ticket as an SVG image for wallets: event, date, tier, zone, seat and status. Every text is the
 * organizer's or the chain's, so all of it is escaped (an event named `<script>` stays text) and cut
 * to a length; nothing personal (no holder, no identity) is drawn.
 */
import type { TicketStatusCode } from "../../lib/ticket-status/ticket-status";
import { METADATA_LIMITS } from "../api/abuse-limits";
import type { TicketCard } from "./ticket-card";

/** XML 1.0's allowed characters (no controls but tab and newlines, no lone surrogates, no U+FFFE/FFFF): one more and the SVG does not parse. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    cp >= 0x10000
  );
}
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text safe inside an SVG element or attribute. */
export function escapeXml(text: string): string {
  // By code point: a lone surrogate comes out as one "character" and is dropped.
  const allowed = Array.from(text).filter((ch) => isXmlChar(ch.codePointAt(0)!));
  return allowed.join("").replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** At most `max` characters (by code point, so no surrogate pair is split), with an ellipsis when cut. */
export function clip(text: string, max: number = METADATA_LIMITS.svgTextChars): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length <= max ? chars.join("") : `${chars.slice(0, max - 1).join("")}…`;
}

const STATUS_COLOURS: Record<TicketStatusCode, string> = {
  valid: "#1a7f37",
  admitted: "#57606a",
  "checked-in": "#57606a",
  refunded: "#b42318",
  cancelled: "#b42318",
};

const line = (y: number, label: string, value: string) =>
  `<text x="40" y="${y}" class="label">${escapeXml(label)}</text>` +
  `<text x="40" y="${y + 34}" class="value">${escapeXml(clip(value))}</text>`;

export function ticketImageSvg(card: TicketCard): string {
  const rows: [string, string][] = [
    ["Date", card.dateText],
    ["Tier", card.tierName],
    ["Zone", card.zoneText],
  ];
  if (card.seatText) rows.push(["Seat", card.seatText]);
  const body = rows.map(([label, value], i) => line(200 + i * 90, label, value)).join("");
  const colour = STATUS_COLOURS[card.status.code];
  const title = escapeXml(clip(`${card.eventName}: ticket #${card.tokenId}`));
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="760" viewBox="0 0 600 760" role="img" aria-label="${title}">`,
    `<title>${title}</title>`,
    "<style>text{font-family:system-ui,sans-serif}.label{font-size:20px;fill:#57606a}.value{font-size:28px;fill:#1f2328}</style>",
    '<rect width="600" height="760" rx="28" fill="#ffffff" stroke="#d0d7de" stroke-width="4"/>',
    '<rect width="600" height="130" rx="28" fill="#24292f"/><rect y="100" width="600" height="30" fill="#24292f"/>',
    `<text x="40" y="62" font-size="32" font-weight="700" fill="#ffffff">${escapeXml(clip(card.eventName, 32))}</text>`,
    `<text x="40" y="104" font-size="22" fill="#d0d7de">Ticket #${escapeXml(clip(card.tokenId, 40))}</text>`,
    body,
    `<rect x="40" y="640" width="520" height="76" rx="16" fill="${colour}"/>`,
    `<text x="300" y="690" font-size="32" font-weight="700" fill="#ffffff" text-anchor="middle">${escapeXml(card.status.text)}</text>`,
    "</svg>",
  ].join("");
}
