/**
 * An event's content (lib/event-content) over HTTP, mounted under /events:
 * - GET /events/:address/content: the stored version, public and cacheable (200 `null`: none yet, so a fan's
 *   browser logs no failed request for every event without content).
 * - GET /events/:address/content/image: an uploaded image's bytes (immutable under its `?v=` version).
 * - PUT /events/:address/content {version, content, signature}: the organizer's signed version; the
 *   signature is the credential (no session), refusals in store-event-content.ts, one limit per client.
 */
import { Hono } from "hono";
import { getAddress } from "viem";
import { z } from "zod";
import { type EventContentResponse, uploadedImagePath } from "../../lib/event-content/content-schema";
import { EVENT_CONTENT_LIMITS as LIMITS } from "../api/abuse-limits";
import { clientIp } from "../api/client-ip";
import { addressSchema, parseOr400, readJson } from "../api/validation";
import type { Db } from "../db/types";
import { createRateLimiter } from "../gate/sessions/rate-limiter";
import { AppError } from "../../lib/errors/app-error";
import { type EventContentRecord, readEventContent, readEventImage } from "./read-event-content";
import { type StoreContentDeps, storeEventContent } from "./store-event-content";

const params = z.object({ address: addressSchema });

export function toContentResponse(r: EventContentRecord): EventContentResponse {
  const contract = getAddress(r.contract);
  const image = r.content.image;
  return {
    contract,
    version: r.version,
    signer: getAddress(r.signer),
    signature: r.signature,
    contentHash: r.contentHash,
    updatedAt: r.updatedAt.toISOString(),
    content: {
      ...r.content,
      image: image?.kind === "upload" ? { ...image, path: uploadedImagePath(contract, r.version) } : image,
    },
  };
}

export function eventContentRoutes(deps: StoreContentDeps & { trustedProxyHops: number }) {
  const db: Db = deps.db;
  const writes = createRateLimiter({ perSecond: LIMITS.writesPerClientPerSecond, burst: LIMITS.writeBurst });
  return new Hono()
    .get("/:address/content", async (c) => {
      const { address } = parseOr400(params, c.req.param(), "INVALID_ADDRESS");
      const record = await readEventContent(db, address);
      c.header("cache-control", `public, max-age=${LIMITS.maxAgeSeconds}`);
      if (!record) return c.json(null);
      return c.json(toContentResponse(record));
    })
    .get("/:address/content/image", async (c) => {
      const { address } = parseOr400(params, c.req.param(), "INVALID_ADDRESS");
      const image = await readEventImage(db, address);
      if (!image) throw new AppError("NOT_FOUND", `no uploaded image for ${address}`);
      // A versioned address never changes its bytes; the bare one follows the next version.
      const pinned = c.req.query("v") === String(image.version);
      c.header(
        "cache-control",
        pinned ? "public, max-age=31536000, immutable" : `public, max-age=${LIMITS.maxAgeSeconds}`,
      );
      c.header("content-type", image.mediaType);
      c.header("x-content-type-options", "nosniff");
      return c.body(new Uint8Array(image.bytes));
    })
    .put("/:address/content", async (c) => {
      const { address } = parseOr400(params, c.req.param(), "INVALID_ADDRESS");
      if (!writes.take(clientIp(c, deps.trustedProxyHops)))
        throw new AppError("RATE_LIMITED", "too many content writes from this address: try again in a minute");
      return c.json(toContentResponse(await storeEventContent(deps, address, await readJson(c))));
    });
}
