/** The organizer dashboard's analytics, mounted at /analytics: one route file per question. */
import { Hono } from "hono";
import type { Db } from "../../db/types";
import { arrivalsRoute } from "./arrivals-route";
import { gatesRoute } from "./gates-route";
import { hoardingRoute } from "./hoarding-route";
import { leaksRoute } from "./leaks-route";
import { noShowsRoute } from "./no-shows-route";
import { primarySalesRoute } from "./primary-sales-route";
import { resalePricesRoute } from "./resale-prices-route";

export function analyticsRoutes(db: Db, now: () => Date = () => new Date()) {
  return new Hono()
    .route("/", arrivalsRoute(db))
    .route("/", gatesRoute(db))
    .route("/", noShowsRoute(db, now))
    .route("/", resalePricesRoute(db))
    .route("/", hoardingRoute(db))
    .route("/", leaksRoute(db))
    .route("/", primarySalesRoute(db));
}
