import { IndexerError } from "./errors";

/** How long one indexer request may take before it counts as unreachable. */
export const INDEXER_TIMEOUT_MS = 5_000;

export type FetchIndexerJsonOptions = {
  /** Cancels the request, e.g. React Query's signal when the query is no longer needed. */
  signal?: AbortSignal | undefined;
  /** Non-2xx statuses whose JSON body is still an answer (e.g. 503 from `/health` when lagging). */
  acceptStatuses?: readonly number[];
  fetch?: typeof globalThis.fetch;
};

/**
 * GETs `{baseUrl}{path}` and returns the HTTP status and parsed JSON body, turning every
 * failure into an {@link IndexerError} with a stable code.
 *
 * @example
 * const { status, body } = await fetchIndexerJson("http://127.0.0.1:4100", "/health");
 */
export async function fetchIndexerJson(
  baseUrl: string,
  path: string,
  { signal, acceptStatuses = [], fetch = globalThis.fetch }: FetchIndexerJsonOptions = {},
): Promise<{ status: number; body: unknown }> {
  const url = `${baseUrl.replace(/\/+$/, "")}${path}`;
  const timeout = AbortSignal.timeout(INDEXER_TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;

  let response: Response;
  try {
    response = await fetch(url, { signal: combined, headers: { accept: "application/json" }, cache: "no-store" });
  } catch (cause) {
    // The caller cancelled: let React Query see its own abort, not an indexer failure.
    if (signal?.aborted) throw cause;
    const message = timeout.aborted
      ? `The indexer did not answer within ${INDEXER_TIMEOUT_MS / 1000} s.`
      : "Cannot reach the indexer. Is it running?";
    throw new IndexerError("INDEXER_UNREACHABLE", message, { url, cause });
  }

  if (!response.ok && !acceptStatuses.includes(response.status)) {
    throw new IndexerError("INDEXER_HTTP_ERROR", `The indexer answered with HTTP ${response.status}.`, {
      url,
      status: response.status,
    });
  }
  try {
    return { status: response.status, body: await response.json() };
  } catch (cause) {
    throw new IndexerError("INDEXER_BAD_RESPONSE", "The indexer sent something that is not JSON.", {
      url,
      status: response.status,
      cause,
    });
  }
}
