/**
 * The API's one error handler: an `AppError` (lib/errors) answers its body with the registry's status, a body read
 * past the limit is a 413, Hono's own 4xx a BAD_REQUEST; anything else is a fault, logged and answered 500 without
 * detail. Sub-apps set no handler of their own, so every route's refusal has this one shape.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, errorBody } from "../../lib/errors/app-error";
import { BodyTooLargeError } from "./body-limit";

export function apiErrorHandler(log: (line: string) => void) {
  return (err: Error, c: Context): Response => {
    if (err instanceof AppError) return c.json(err.toBody(), err.status as ContentfulStatusCode);
    if (err instanceof BodyTooLargeError) return c.json(errorBody("PAYLOAD_TOO_LARGE", err.message), 413);
    if (err instanceof HTTPException && err.status < 500)
      return c.json(errorBody("BAD_REQUEST", err.message || "bad request"), err.status);
    log(`${c.req.method} ${c.req.path} failed: ${err.stack ?? err.message}`);
    return c.json(errorBody("INTERNAL", "internal error"), 500);
  };
}
