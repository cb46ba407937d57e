/**
 * ERC-721 metadata for wallets, read from the mirror (never the chain), at the addresses EventTicket
 * gives: `tokenURI(id)` = `<base>/metadata/<chainId>/<ticket>/<id>`, `contractURI()` = `<base>/metadata/<chainId>/<ticket>`.
 *   GET /metadata/:chainId/:ticket                   collection (ERC-7572)
 *   GET /metadata/:chainId/:ticket/:tokenId          token JSON
 *   GET /metadata/:chainId/:ticket/:tokenId/image.svg  token image
 * Unknown chain, event or token: 404 with a code; malformed: 400. Cached briefly: a status changes.
 */
import { Hono, type Context } from "hono";
import { z } from "zod";
import { createRateLimiter } from "../gate/sessions/rate-limiter";
import { eventByAddress } from "../db/queries/event-detail";
import { ticketById } from "../db/queries/ticket-detail";
import type { Db } from "../db/types";
import type { VenueCache } from "../seating/venue-cache";
import { METADATA_LIMITS } from "../api/abuse-limits";
import { AppError, errorBody } from "../../lib/errors/app-error";
import { clientIp } from "../api/client-ip";
import { addressSchema, parseOr400, tokenIdSchema } from "../api/validation";
import { eventContentReader } from "./event-content-reader";
import type { ReadMetadataContent } from "./metadata-content";
import { appOrigin, serverOrigin } from "./metadata-urls";
import { eventDateText, ticketCard } from "./ticket-card";
import { ticketImageSvg } from "./ticket-image-svg";
import { collectionMetadata, tokenMetadata } from "./token-metadata";

export type MetadataDeps = {
  db: Db;
  chainId: number;
  venues: VenueCache;
  siweDomains: readonly string[];
  trustedProxyHops: number;
  /** The event's off-chain content (description, image, time zone, tier names); default: the stored signed content. */
  readContent?: ReadMetadataContent;
};

const chainParam = z.string().regex(/^\d{1,20}$/, "must be a decimal chain id");
const collectionParams = z.object({ chainId: chainParam, ticket: addressSchema });
const tokenParams = collectionParams.extend({ tokenId: tokenIdSchema });

export function metadataRoutes(deps: MetadataDeps) {
  const readContent = deps.readContent ?? eventContentReader(deps.db);
  const rate = METADATA_LIMITS.perClientPerSecond;
  const limiter = createRateLimiter({ perSecond: rate, burst: rate * 4 });

  /** The event's collection path, after the chain id was checked against the one this server mirrors. */
  const checkChain = (chainId: string) => {
    if (chainId !== String(deps.chainId))
      throw new AppError("NOT_FOUND", `this server mirrors chain ${deps.chainId}, not ${chainId}`);
  };

  async function token(c: Context) {
    const { chainId, ticket, tokenId } = parseOr400(tokenParams, c.req.param());
    checkChain(chainId);
    const row = await ticketById(deps.db, ticket, tokenId);
    if (!row) {
      const event = await eventByAddress(deps.db, ticket);
      if (!event) throw new AppError("UNKNOWN_EVENT", `no event at ${ticket}`);
      throw new AppError("NOT_FOUND", `no ticket ${tokenId} in ${ticket}`);
    }
    const origin = serverOrigin(c, deps.trustedProxyHops);
    const [seat, content] = await Promise.all([deps.venues.seatOf(ticket, tokenId), readContent(ticket, origin)]);
    const path = `/metadata/${chainId}/${ticket.toLowerCase()}/${tokenId}`;
    return { card: ticketCard(row, seat, content), content, origin, path, ticket, tokenId };
  }

  const cached = (c: Context, seconds: number) => c.header("cache-control", `public, max-age=${seconds}`);

  return new Hono()
    .use("*", async (c, next) => {
      if (!limiter.take(clientIp(c, deps.trustedProxyHops)))
        return c.json(errorBody("RATE_LIMITED", `more than ${rate} metadata requests/s from this address`), 429);
      await next();
      // A 404 now may be a ticket minted a block later: never cache an error.
      if (c.res.status >= 400) c.res.headers.set("cache-control", "no-store");
    })
    .get("/:chainId/:ticket", async (c) => {
      const { chainId, ticket } = parseOr400(collectionParams, c.req.param());
      checkChain(chainId);
      const event = await eventByAddress(deps.db, ticket);
      if (!event) throw new AppError("UNKNOWN_EVENT", `no event at ${ticket}`);
      const content = await readContent(ticket, serverOrigin(c, deps.trustedProxyHops));
      const startTime = Number(event.start_time);
      const body = collectionMetadata(
        { name: event.name, startTime, dateText: eventDateText(startTime, content?.timeZone ?? null) },
        content,
        { page: `${appOrigin(deps.siweDomains)}/events/${ticket}` },
      );
      cached(c, METADATA_LIMITS.collectionMaxAgeSeconds);
      return c.json(body);
    })
    .get("/:chainId/:ticket/:tokenId", async (c) => {
      const t = await token(c);
      const body = tokenMetadata(t.card, t.content, {
        image: `${t.origin}${t.path}/image.svg`,
        page: `${appOrigin(deps.siweDomains)}/tickets/${t.ticket}/${t.tokenId}`,
      });
      cached(c, METADATA_LIMITS.tokenMaxAgeSeconds);
      return c.json(body);
    })
    .get("/:chainId/:ticket/:tokenId/image.svg", async (c) => {
      const t = await token(c);
      cached(c, METADATA_LIMITS.tokenMaxAgeSeconds);
      // Opened directly, the image may run nothing and load nothing, whatever its text holds.
      c.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'");
      c.header("x-content-type-options", "nosniff");
      return c.body(ticketImageSvg(t.card), 200, { "content-type": "image/svg+xml; charset=utf-8" });
    });
}
