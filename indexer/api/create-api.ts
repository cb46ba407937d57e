/**
 * The indexer's HTTP API as one Hono app: read routes, the gate, CORS, a body limit on every
 * method, per-client rate buckets, and JSON errors for everything (a bad request is a 4xx, never
 * a 500). Abuse limits: abuse-limits.ts; who may call what: authorization-matrix.ts.
 */
import { Hono, type Context } from "hono";
import type { Db } from "../db/types";
import type { GateDeps } from "../gate/gate-deps";
import { createGateContext } from "../gate/gate-context";
import { limitBody } from "./body-limit";
import { corsForOrigins } from "./cors";
import { seatingRoutes } from "../seating/seating-routes";
import { venueRoutes } from "../seating/venue-routes";
import { seatStreamRoutes } from "../seating/seat-stream-route";
import { organizerContract } from "../gate/sessions/organizer-contract";
import { gateRoutes, malformedVerdict, passRoutes } from "../gate/gate-routes";
import type { OnsaleDeps } from "../onsale/onsale-deps";
import { onsaleRoutes } from "../onsale/onsale-routes";
import type { SyncStatus } from "../sync/sync-status";
import { analyticsRoutes } from "./analytics/analytics-routes";
import { organizerOnly } from "./analytics/organizer-access";
import { errorBody } from "../../lib/errors/app-error";
import { apiErrorHandler } from "./on-error";
import { admissionNotifier, createChangeFeed, type ChangeFeed } from "../sync/change-feed";
import { eventsRoute } from "./events-route";
import { healthRoute } from "./health-route";
import { metadataRoutes } from "../metadata/metadata-routes";
import { ipRateLimit } from "./ip-rate-limit";
import { listingsRoute, salesRoute } from "./market-routes";
import { metricsRoute } from "./metrics-route";
import { streamRoute } from "./stream-route";
import { ticketCheckRoute } from "./ticket-check-route";
import { ticketsRoute } from "./tickets-route";
import { waitlistRoute } from "./waitlist-route";

import { EVENT_CONTENT_LIMITS, MAX_BODY_BYTES, MAX_VENUE_BODY_BYTES } from "./abuse-limits";
import { eventContentRoutes } from "../content/content-routes";
import { chainOrganizerCheck } from "../content/organizer-role";

export { MAX_BODY_BYTES };

export type ApiDeps = {
  db: Db;
  syncStatus: () => SyncStatus;
  gate: GateDeps;
  corsOrigins: readonly string[];
  log?: (line: string) => void;
  /** Sync changes for `GET /stream` (a feed nobody publishes to when omitted). */
  changes?: ChangeFeed;
  /** Clock for "has the event started" (no-show counts). */
  now?: () => Date;
  /** The on-sale waiting room (indexer/onsale/); mounted at /onsale when given. */
  onsale?: OnsaleDeps;
};

/**
 * @example
 * const app = createApi(deps);
 * const res = await app.request("/health");
 */
export function createApi(deps: ApiDeps) {
  const log = deps.log ?? ((line: string) => console.error(`[api] ${line}`));
  const app = new Hono();

  app.use(
    "*",
    corsForOrigins(deps.corsOrigins, { methods: ["GET", "POST", "PUT", "DELETE", "OPTIONS"], maxAgeSeconds: 600 }),
  );
  // Every method: a DELETE or PUT body is as able to fill memory as a POST one. GET and HEAD
  // carry no body unless a header announces one (checked without touching the request stream).
  const tooLarge = (max: number) => (c: Context) => {
    const message = `request body larger than ${max} bytes`;
    return c.req.path === "/gate/scan" || c.req.path === "/gate/pass/scan"
      ? c.json(malformedVerdict(message), 413)
      : c.json(errorBody("PAYLOAD_TOO_LARGE", message), 413);
  };
  const apiLimit = limitBody(MAX_BODY_BYTES, tooLarge(MAX_BODY_BYTES));
  const venueLimit = limitBody(MAX_VENUE_BODY_BYTES, tooLarge(MAX_VENUE_BODY_BYTES));
  const contentLimit = limitBody(EVENT_CONTENT_LIMITS.maxBodyBytes, tooLarge(EVENT_CONTENT_LIMITS.maxBodyBytes));
  app.use("*", (c, next) => {
    const method = c.req.method;
    if (method === "OPTIONS") return next();
    if (
      (method === "GET" || method === "HEAD") &&
      c.req.header("content-length") === undefined &&
      c.req.header("transfer-encoding") === undefined
    )
      return next();
    if (method === "PUT" && c.req.path === "/seats/venue") return venueLimit(c, next);
    if (method === "PUT" && /^\/events\/[^/]+\/content$/.test(c.req.path)) return contentLimit(c, next);
    return apiLimit(c, next);
  });

  const changes = deps.changes ?? createChangeFeed();
  // A gate's admission changes what every screen shows for that ticket: tell the stream at once, not when the chain has it.
  // Not a copy of deps.gate: the context reads syncStatus and now through it (tests and reloads swap them).
  const gate = createGateContext(deps.gate, { onAdmitted: deps.gate.onAdmitted ?? admissionNotifier(changes) });
  app.use("*", ipRateLimit(gate.settings.ipRatePerSecond, gate.settings.trustedProxyHops));

  const requests = new Map<string, number>();
  app.use("*", async (c, next) => {
    await next();
    // Route pattern, not path, so token ids do not explode the label set.
    const route = c.req.routePath === "/*" ? "other" : c.req.routePath;
    const key = `{method="${c.req.method}",route="${route}",status="${c.res.status}"}`;
    if (requests.size < 500 || requests.has(key)) requests.set(key, (requests.get(key) ?? 0) + 1);
  });

  app.route("/health", healthRoute(deps.syncStatus));
  app.route("/metrics", metricsRoute(deps.syncStatus, { requests, sseClients: changes.listeners }));
  app.route("/tickets", ticketsRoute(deps.db, gate.venues));
  app.route("/check", ticketCheckRoute(deps.db, deps.gate.chainId));
  app.route("/events", waitlistRoute(deps.db));
  app.route("/events", eventsRoute(deps.db, deps.now));
  app.route(
    "/events",
    eventContentRoutes({
      db: deps.db,
      chainId: deps.gate.chainId,
      isOrganizer: chainOrganizerCheck(deps.gate.client),
      now: deps.now ?? (() => new Date()),
      trustedProxyHops: gate.settings.trustedProxyHops,
    }),
  );
  app.route("/listings", listingsRoute(deps.db));
  app.route("/sales", salesRoute(deps.db));
  app.route(
    "/metadata",
    metadataRoutes({
      db: deps.db,
      chainId: deps.gate.chainId,
      venues: gate.venues,
      siweDomains: deps.gate.siweDomains,
      trustedProxyHops: gate.settings.trustedProxyHops,
    }),
  );
  app.use("/analytics/:contract/:question", organizerOnly(gate));
  app.route("/analytics", analyticsRoutes(deps.db, deps.now));
  app.route("/stream", streamRoute(changes, { trustedProxyHops: gate.settings.trustedProxyHops }));
  app.route("/gate", gateRoutes(gate));
  app.route("/pass", passRoutes(gate));
  app.route("/seats", seatingRoutes(gate));
  app.route("/seats", venueRoutes(gate));
  app.route("/seats", seatStreamRoutes(gate, changes));
  if (deps.onsale)
    app.route(
      "/onsale",
      onsaleRoutes({
        ...deps.onsale,
        trustedProxyHops: gate.settings.trustedProxyHops,
        organizerContract: (authorization) => organizerContract(gate, authorization),
      }),
    );

  app.notFound((c) => c.json(errorBody("NOT_FOUND", `no route for ${c.req.method} ${c.req.path}`), 404));
  app.onError(apiErrorHandler(log));
  return app;
}
