/** The API's one error handler and the clients' request core agree: a server error arrives as the same code. */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "../../lib/errors/app-error";
import { IndexerClientError } from "../../lib/indexer-client/errors";
import { requestJson } from "../../lib/indexer-client/request-json";
import { GateDenial } from "../gate/gate-denial";
import { OnsaleError } from "../onsale/onsale-error";
import { SeatError } from "../seating/seat-error";
import { apiErrorHandler } from "./on-error";

function server(log: string[] = []) {
  return new Hono()
    .get("/seats", () => {
      throw new SeatError("SEATS_TAKEN", "2 of the chosen seats are held by someone else", [4, 5]);
    })
    .get("/session", () => {
      throw new GateDenial("BAD_SIGNATURE", "the signature is not the wallet's");
    })
    .get("/sale", () => {
      throw new OnsaleError("SOLD_OUT", "tier 0");
    })
    .get("/fault", () => {
      throw new Error("secret connection string");
    })
    .onError(apiErrorHandler((line) => log.push(line)));
}

const fetchFrom = (app: Hono) =>
  ((input: RequestInfo | URL, init?: RequestInit) => app.request(String(input), init)) as typeof fetch;

describe("one error model, server to client", () => {
  it("answers each family's error in the one shape, with the registry's status (byte-compatible bodies)", async () => {
    const app = server();
    const seats = await app.request("/seats");
    expect(seats.status).toBe(409);
    expect(await seats.text()).toBe(
      '{"error":{"code":"SEATS_TAKEN","message":"2 of the chosen seats are held by someone else","seats":[4,5]}}',
    );
    const session = await app.request("/session");
    expect(session.status).toBe(401);
    expect(await session.json()).toEqual({
      error: { code: "BAD_SIGNATURE", message: "the signature is not the wallet's" },
    });
    const sale = await app.request("/sale");
    expect(sale.status).toBe(410);
    expect(await sale.json()).toEqual({ error: { code: "SOLD_OUT", message: "Sold out. (tier 0)" } });
  });

  it("turns the server's error back into an AppError with the same code, status and details on the client", async () => {
    const fetch = fetchFrom(server());
    const error = await requestJson("http://api.test/seats", z.unknown(), { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toBeInstanceOf(IndexerClientError);
    expect(error).toMatchObject({ code: "SEATS_TAKEN", status: 409, details: { seats: [4, 5] } });
    const denial = await requestJson("http://api.test/session", z.unknown(), { fetch }).catch((e: unknown) => e);
    expect(denial).toMatchObject({
      code: "BAD_SIGNATURE",
      status: 401,
      shortMessage: "the signature is not the wallet's",
    });
  });

  it("answers a fault 500 INTERNAL without its detail, and logs it", async () => {
    const log: string[] = [];
    const res = await server(log).request("/fault");
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: { code: "INTERNAL", message: "internal error" } });
    expect(log.join("\n")).toContain("secret connection string");
  });
});
