/** Mounts routes on their own with the API's one error handler, as createApi does, for tests that skip createApi. */
import { Hono } from "hono";
import { apiErrorHandler } from "../api/on-error";

export function withApiErrors<A extends Hono>(routes: A, log: (line: string) => void = () => {}): Hono {
  return new Hono().route("/", routes).onError(apiErrorHandler(log));
}
