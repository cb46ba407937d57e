import { IndexerError } from "./errors";
import { INDEXER_TIMEOUT_MS } from "./fetch-json";

/** The indexer's error body: `{ error: { code, message } }`. */
export class IndexerApiError extends Error {
  override name = "IndexerApiError";
  constructor(
    readonly code: string,
    readonly shortMessage: string,
    readonly status: number,
  ) {
    super(`${code}: ${shortMessage} (HTTP ${status})`);
  }
}

/**
 * POSTs JSON to the indexer. 2xx → the body; statuses in `acceptStatuses` → the body too (a
 * gate DENY comes back as 400/401/429 with a verdict); other errors → {@link IndexerApiError}
 * with the server's code; no answer → {@link IndexerError} `INDEXER_UNREACHABLE`.
 */
export async function postIndexerJson<T>(
  baseUrl: string,
  path: string,
  body: unknown,
  { token, acceptStatuses = [], fetch = globalThis.fetch }: { token?: string; acceptStatuses?: readonly number[]; fetch?: typeof globalThis.fetch } = {},
): Promise<T> {
  const url = `${baseUrl.replace(/\/+$/, "")}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(INDEXER_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new IndexerError("INDEXER_UNREACHABLE", "Cannot reach the Fairgate server. Check the connection.", { url, cause });
  }
  const json = (await response.json().catch(() => null)) as (T & { error?: { code?: string; message?: string } }) | null;
  if (response.ok || acceptStatuses.includes(response.status)) {
    if (json === null) throw new IndexerError("INDEXER_BAD_RESPONSE", "The server sent something that is not JSON.", { url, status: response.status });
    return json;
  }
  throw new IndexerApiError(json?.error?.code ?? "HTTP_ERROR", json?.error?.message ?? `The server answered with HTTP ${response.status}.`, response.status);
}
