import { signDeviceRequest } from "../gate/request-signature";
import { IndexerClientError } from "./errors";

/** How long one POST may take before it counts as unreachable. */
export const POST_TIMEOUT_MS = 5_000;

export type PostJsonOptions = {
  /** Scanner session or other bearer token. */
  token?: string | undefined;
  /** Non-2xx statuses whose JSON body is still an answer (a gate DENY comes back as 400/401/429 with a verdict). */
  acceptStatuses?: readonly number[];
  method?: "POST" | "GET" | "PUT" | "DELETE";
  fetch?: typeof globalThis.fetch;
  /** Scanner device key: signs method, path, time and body (invite sessions are bound to it; see lib/gate/request-signature.ts). */
  deviceKey?: CryptoKey | undefined;
};

/**
 * Sends JSON to the indexer (gate, pass and session routes). 2xx or an accepted status → the
 * body; any other status → {@link IndexerClientError} `INDEXER_HTTP_ERROR` whose `apiCode` is
 * the server's own code (`GATE_UNAUTHORIZED`, `BAD_SIGNATURE`, …); no answer →
 * `INDEXER_UNREACHABLE`; a body that is not JSON → `INDEXER_BAD_RESPONSE`.
 *
 * @example
 * const session = await postIndexerJson<GateSession>(base, "/gate/session/invite", { code });
 */
export async function postIndexerJson<T>(
  baseUrl: string,
  path: string,
  body: unknown,
  { token, acceptStatuses = [], method = "POST", fetch = globalThis.fetch, deviceKey }: PostJsonOptions = {},
): Promise<T> {
  const url = `${baseUrl.replace(/\/+$/, "")}${path}`;
  const text = body === undefined ? undefined : JSON.stringify(body);
  // The gate checks the signature over the path it routes (no query) and the exact body text sent.
  const proof = deviceKey
    ? await signDeviceRequest(deviceKey, { method, path: new URL(url).pathname, timeMs: Date.now(), body: text ?? "" })
    : {};
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: {
        accept: "application/json",
        ...(text === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...proof,
      },
      ...(text === undefined ? {} : { body: text }),
      signal: AbortSignal.timeout(POST_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new IndexerClientError("INDEXER_UNREACHABLE", "Cannot reach the Fairgate server. Check the connection.", {
      url,
      cause,
    });
  }
  const json = (await response.json().catch(() => null)) as
    | (T & { error?: { code?: string; message?: string } })
    | null;
  if (response.ok || acceptStatuses.includes(response.status)) {
    if (json === null)
      throw new IndexerClientError("INDEXER_BAD_RESPONSE", "The server sent something that is not JSON.", {
        url,
        status: response.status,
      });
    return json;
  }
  const apiCode = typeof json?.error?.code === "string" ? json.error.code : undefined;
  throw new IndexerClientError(
    "INDEXER_HTTP_ERROR",
    json?.error?.message ?? `The server answered with HTTP ${response.status}.`,
    {
      url,
      status: response.status,
      ...(apiCode ? { apiCode } : {}),
    },
  );
}
