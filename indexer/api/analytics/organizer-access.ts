/**
 * Organizer analytics are the organizer's: per-gate admissions, gate ids and times exist only off
 * chain. Every `/analytics/:contract/*` question needs the organizer's session for that contract
 * (the admin gate session the organizer page already opens with one SIWE signature for invites and
 * sales): 401 UNAUTHORIZED without a valid session, 403 FORBIDDEN for a staff session or another
 * event's organizer. Checked before the address is even parsed, so nobody learns which events exist.
 * `primary-sales` stays public: it only restates the chain's own logs (sales, mints, check-ins).
 */
import type { MiddlewareHandler } from "hono";
import { DEVICE_SIGNATURE_HEADER, DEVICE_TIME_HEADER } from "../../../lib/gate/request-signature";
import type { GateContext } from "../../gate/gate-context";
import { GateDenial } from "../../gate/gate-denial";
import { authenticate } from "../../gate/sessions/authenticate";
import { AppError } from "../../../lib/errors/app-error";

/** Questions anyone may ask: nothing in them that the chain does not already publish. */
export const PUBLIC_ANALYTICS = new Set(["primary-sales"]);

export function organizerOnly(ctx: GateContext): MiddlewareHandler {
  return async (c, next) => {
    const question = c.req.param("question") ?? "";
    if (PUBLIC_ANALYTICS.has(question)) return next();
    let session;
    try {
      session = await authenticate(
        ctx,
        c.req.header("authorization"),
        {
          method: c.req.method,
          path: c.req.path,
          body: "",
          time: c.req.header(DEVICE_TIME_HEADER),
          signature: c.req.header(DEVICE_SIGNATURE_HEADER),
        },
        { scanRate: false },
      );
    } catch (err) {
      if (err instanceof GateDenial)
        throw new AppError(
          err.reason === "RATE_LIMITED" ? "RATE_LIMITED" : "UNAUTHORIZED",
          "sign in as this event's organizer to see its analytics",
        );
      throw err;
    }
    const contract = (c.req.param("contract") ?? "").toLowerCase();
    if (session.role !== "admin" || session.contract.toLowerCase() !== contract) {
      throw new AppError(
        "FORBIDDEN",
        session.role === "admin"
          ? "your organizer session is for another event"
          : "only the event's organizer sees its analytics",
      );
    }
    await next();
  };
}
