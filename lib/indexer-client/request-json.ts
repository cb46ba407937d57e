/**
 * The one request core under every client of the server (tickets and reads, gate, pass, on-sale, seats): a timeout
 * (AbortSignal.timeout), the answer checked against a zod schema, and every failure an `IndexerClientError` whose code
 * is the server's own (lib/errors/error-codes.ts) or the client's (unreachable, bad response). It never retries: a
 * caller that retries (the change stream's reconnect) does so itself.
 */
import type { z } from "zod";
import { IndexerClientError } from "./errors";

/** How long one request may take before it counts as unreachable. */
export const DEFAULT_TIMEOUT_MS = 5_000;

export type RequestJsonOptions = {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** The JSON text to send (already serialised: a device signature covers these exact bytes). */
  body?: string | undefined;
  headers?: Record<string, string>;
  /** Non-2xx statuses whose body is still an answer of `schema` (a gate DENY verdict comes with 400/401/413/429). */
  acceptStatuses?: readonly number[];
  timeoutMs?: number;
  /** The caller's cancel: its abort is rethrown untouched, never reported as an unreachable server. */
  signal?: AbortSignal | undefined;
  fetch?: typeof globalThis.fetch;
  cache?: RequestCache;
};

const NOT_JSON = Symbol("not JSON");

/**
 * @example
 * const ticket = await requestJson(`${base}/tickets/${contract}/1`, ticketDetailSchema, { timeoutMs: 2_000 });
 */
export async function requestJson<S extends z.ZodType>(
  url: string,
  schema: S,
  options: RequestJsonOptions = {},
): Promise<z.output<S>> {
  const { method = "GET", body, headers = {}, acceptStatuses = [], signal, cache } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const unreachable = (cause: unknown) =>
    timeout.aborted
      ? new IndexerClientError("INDEXER_UNREACHABLE", `The server did not answer within ${timeoutMs} ms.`, {
          url,
          cause,
          timedOut: true,
        })
      : new IndexerClientError("INDEXER_UNREACHABLE", "Cannot reach the Fairgate server. Check the connection.", {
          url,
          cause,
        });
  let response: Response;
  try {
    response = await (options.fetch ?? globalThis.fetch)(url, {
      method,
      headers: {
        accept: "application/json",
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      ...(body === undefined ? {} : { body }),
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      ...(cache ? { cache } : {}),
    });
  } catch (cause) {
    if (signal?.aborted) throw cause;
    throw unreachable(cause);
  }
  let json: unknown = NOT_JSON;
  let readError: unknown;
  try {
    json = await response.json();
  } catch (cause) {
    if (signal?.aborted) throw cause;
    if (timeout.aborted) throw unreachable(cause);
    readError = cause;
  }
  const status = response.status;
  if (!response.ok && !acceptStatuses.includes(status)) throw httpError(url, status, json);
  if (json === NOT_JSON)
    throw new IndexerClientError("INDEXER_BAD_RESPONSE", "The server sent something that is not JSON.", {
      url,
      status,
      cause: readError,
    });
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new IndexerClientError(
      "INDEXER_BAD_RESPONSE",
      `unexpected response shape: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim(),
      { url, status, cause: parsed.error },
    );
  }
  return parsed.data;
}

/** The server's `{ error: { code, message, …details } }` as the same code on this side; anything else by its status. */
function httpError(url: string, status: number, json: unknown): IndexerClientError {
  const error = (json as { error?: unknown } | null)?.error;
  if (error && typeof error === "object") {
    const { code, message, ...details } = error as Record<string, unknown>;
    if (typeof code === "string" && /^[A-Z][A-Z0-9_]{0,63}$/.test(code))
      return new IndexerClientError(code, typeof message === "string" ? message : `HTTP ${status}`, {
        ...details,
        url,
        status,
        apiCode: code,
      });
  }
  return new IndexerClientError("INDEXER_HTTP_ERROR", `The server answered with HTTP ${status}.`, { url, status });
}
