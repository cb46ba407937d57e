/**
 * An event's face: what the organizer writes about it off chain (description, venue, image, time
 * zone, door time, tier names). One zod schema for the app's editor, the indexer's PUT route and
 * the client; the organizer signs its canonical hash (./content-signature.ts).
 */
import { z } from "zod";

/** An uploaded image is stored by the indexer; its bytes are capped so a row stays small. */
export const MAX_IMAGE_BYTES = 200_000;
export const IMAGE_MEDIA_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;
export const MAX_TIER_NAMES = 8;

const text = (max: number) => z.string().trim().max(max, `at most ${max} characters`);

/** A time zone the runtime knows (IANA name, e.g. Europe/Berlin); Intl refuses unknown names. */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const dataUrlPattern = /^data:(image\/(?:png|jpeg|webp|gif));base64,([A-Za-z0-9+/]+={0,2})$/;

/** Bytes a base64 payload decodes to, without decoding it. */
export function base64Bytes(b64: string): number {
  const pad = b64.endsWith("==") ? 2 : b64.endsWith("=") ? 1 : 0;
  return (b64.length / 4) * 3 - pad;
}

/** The image as signed: an https address, or a small upload carried inline as a data URL. */
export const signedImageSchema = z.union([
  z.object({ kind: z.literal("url"), url: z.url({ protocol: /^https$/ }).max(2048) }),
  z.object({
    kind: z.literal("upload"),
    dataUrl: z
      .string()
      .max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4 + 64)
      .regex(dataUrlPattern, "must be a base64 data URL of a PNG, JPEG, WebP or GIF image")
      .refine((s) => base64Bytes(s.slice(s.indexOf(",") + 1)) <= MAX_IMAGE_BYTES, {
        message: `image larger than ${MAX_IMAGE_BYTES} bytes`,
      }),
  }),
]);

export const eventContentSchema = z.object({
  description: text(4000),
  venue: z.object({ name: text(120).min(1, "name the venue"), address: text(300) }).nullable(),
  image: signedImageSchema.nullable(),
  timeZone: z.string().refine(isTimeZone, "must be an IANA time zone, e.g. Europe/Berlin"),
  /** Doors open, unix seconds; null when not announced. */
  doorsOpen: z
    .number()
    .int()
    .min(0)
    .max(2 ** 40)
    .nullable(),
  /** Names by tier number (index 0 is tier 0); an empty name falls back to "Tier N". */
  tierNames: z.array(text(60)).max(MAX_TIER_NAMES),
});

export type EventContent = z.output<typeof eventContentSchema>;

/** The image as stored: an upload's bytes are kept beside the content, not in it. */
export type StoredImage = { kind: "url"; url: string } | { kind: "upload"; mediaType: ImageMediaType; bytes: number };
export type ImageMediaType = (typeof IMAGE_MEDIA_TYPES)[number];
export type StoredEventContent = Omit<EventContent, "image"> & { image: StoredImage | null };

/** Where the indexer serves an event's uploaded image (the version busts caches). */
export function uploadedImagePath(contract: string, version: number): string {
  return `/events/${contract}/content/image?v=${version}`;
}

/** The image as served: an https address, or the indexer's copy of an upload at `path`. */
export const servedImageSchema = z.union([
  z.object({ kind: z.literal("url"), url: z.string() }),
  z.object({
    kind: z.literal("upload"),
    mediaType: z.enum(IMAGE_MEDIA_TYPES),
    bytes: z.number().int(),
    path: z.string(),
  }),
]);

/** `GET /events/:address/content`: the stored version, its signature and who signed it. */
export const eventContentResponseSchema = z.object({
  contract: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  version: z.number().int().positive(),
  signer: z.string().regex(/^0x[0-9a-fA-F]{40}$/),
  signature: z.string().regex(/^0x[0-9a-fA-F]+$/),
  contentHash: z.string().regex(/^0x[0-9a-f]{64}$/),
  updatedAt: z.iso.datetime({ offset: true }),
  content: eventContentSchema.omit({ image: true }).extend({ image: servedImageSchema.nullable() }),
});

export type EventContentResponse = z.output<typeof eventContentResponseSchema>;
