/** Gate, pass, session and seat calls: JSON to the server through the one request core (./request-json.ts). */
import type { z } from "zod";
import { signDeviceRequest } from "../gate/request-signature";
import { DEFAULT_TIMEOUT_MS, requestJson } from "./request-json";

/** How long one call may take before it counts as unreachable. */
export const POST_TIMEOUT_MS = DEFAULT_TIMEOUT_MS;

export type PostJsonOptions = {
  /** Scanner session or other bearer token. */
  token?: string | undefined;
  /** Non-2xx statuses whose JSON body is still an answer (a gate DENY comes back as 400/401/429 with a verdict). */
  acceptStatuses?: readonly number[];
  method?: "POST" | "GET" | "PUT" | "DELETE";
  fetch?: typeof globalThis.fetch;
  /** Scanner device key: signs method, path, time and body (invite sessions are bound to it; see lib/gate/request-signature.ts). */
  deviceKey?: CryptoKey | undefined;
  timeoutMs?: number;
};

/**
 * Sends `body` as JSON (none when undefined) and returns the answer checked against `schema`. A refusal throws an
 * `IndexerClientError` with the server's code (`GATE_UNAUTHORIZED`, `BAD_SIGNATURE`, …); see ./request-json.ts.
 *
 * @example
 * const session = await postIndexerJson(base, "/gate/session/invite", { code }, gateSessionSchema);
 */
export async function postIndexerJson<S extends z.ZodType>(
  baseUrl: string,
  path: string,
  body: unknown,
  schema: S,
  { token, acceptStatuses, method = "POST", fetch, deviceKey, timeoutMs }: PostJsonOptions = {},
): Promise<z.output<S>> {
  const url = `${baseUrl.replace(/\/+$/, "")}${path}`;
  const text = body === undefined ? undefined : JSON.stringify(body);
  // The gate checks the signature over the path it routes (no query) and the exact body text sent.
  const proof = deviceKey
    ? await signDeviceRequest(deviceKey, { method, path: new URL(url).pathname, timeMs: Date.now(), body: text ?? "" })
    : {};
  return requestJson(url, schema, {
    method,
    body: text,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...proof },
    ...(acceptStatuses ? { acceptStatuses } : {}),
    ...(fetch ? { fetch } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
}
