/**
 * The organizer's content form ⇄ lib/event-content's EventContent: text fields in, the schema's
 * own problems out (one per field, in the schema's words), so the form and the server never differ.
 */
import {
  type EventContent,
  type EventContentResponse,
  eventContentSchema,
  IMAGE_MEDIA_TYPES,
  MAX_IMAGE_BYTES,
} from "../../lib/event-content/content-schema";
import { unixToZoned, zonedToUnix } from "../../lib/event-content/zoned-time";

export type ContentDraft = {
  description: string;
  venueName: string;
  venueAddress: string;
  /** "url": `imageUrl`; "upload": `imageDataUrl` (read from a file); "keep": the stored upload; "none". */
  imageMode: "none" | "url" | "upload" | "keep";
  imageUrl: string;
  imageDataUrl: string;
  timeZone: string;
  /** datetime-local text in `timeZone`, or "". */
  doorsOpen: string;
  tierNames: string[];
};

export function draftFrom(saved: EventContentResponse | null, tierCount: number, browserZone: string): ContentDraft {
  const c = saved?.content;
  const image = c?.image;
  return {
    description: c?.description ?? "",
    venueName: c?.venue?.name ?? "",
    venueAddress: c?.venue?.address ?? "",
    imageMode: !image ? "none" : image.kind === "url" ? "url" : "keep",
    imageUrl: image?.kind === "url" ? image.url : "",
    imageDataUrl: "",
    timeZone: c?.timeZone ?? browserZone,
    doorsOpen: c?.doorsOpen != null ? unixToZoned(c.doorsOpen, c.timeZone) : "",
    tierNames: Array.from({ length: tierCount }, (_, i) => c?.tierNames[i] ?? ""),
  };
}

export type DraftResult = { ok: true; content: EventContent } | { ok: false; problems: string[] };

/** `keptUpload`: the stored image as a data URL, when the organizer keeps an uploaded image (it is re-signed). */
export function contentFromDraft(d: ContentDraft, keptUpload: string | null): DraftResult {
  const problems: string[] = [];
  const doorsOpen = d.doorsOpen.trim() === "" ? null : zonedToUnix(d.doorsOpen, d.timeZone);
  if (d.doorsOpen.trim() !== "" && doorsOpen === null) problems.push("Doors open: give a date and time");
  const image =
    d.imageMode === "url"
      ? { kind: "url" as const, url: d.imageUrl.trim() }
      : d.imageMode === "upload" || (d.imageMode === "keep" && keptUpload)
        ? { kind: "upload" as const, dataUrl: d.imageMode === "upload" ? d.imageDataUrl : keptUpload! }
        : null;
  // Trailing unnamed tiers are left out; a gap keeps its place ("" falls back to "Tier N").
  const names = [...d.tierNames];
  while (names.length > 0 && names.at(-1)!.trim() === "") names.pop();
  const parsed = eventContentSchema.safeParse({
    description: d.description,
    venue: d.venueName.trim() || d.venueAddress.trim() ? { name: d.venueName, address: d.venueAddress } : null,
    image,
    timeZone: d.timeZone.trim(),
    doorsOpen,
    tierNames: names,
  });
  if (!parsed.success)
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join(".") || "content"}: ${issue.message}`);
  return problems.length > 0 || !parsed.success ? { ok: false, problems } : { ok: true, content: parsed.data };
}

/** A picked image file as a data URL, or a sentence saying why not. */
export async function readImageFile(file: File): Promise<{ dataUrl: string } | { problem: string }> {
  if (!(IMAGE_MEDIA_TYPES as readonly string[]).includes(file.type))
    return { problem: `${file.name}: use a PNG, JPEG, WebP or GIF image` };
  if (file.size > MAX_IMAGE_BYTES)
    return { problem: `${file.name} is ${Math.ceil(file.size / 1000)} kB; the limit is ${MAX_IMAGE_BYTES / 1000} kB` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return { dataUrl: `data:${file.type};base64,${btoa(binary)}` };
}
