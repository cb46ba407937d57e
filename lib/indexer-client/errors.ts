/** Stable codes for what can go wrong between a caller (app, gate, scripts) and the indexer API. */
export type IndexerClientErrorCode = "INDEXER_UNREACHABLE" | "INDEXER_HTTP_ERROR" | "INDEXER_BAD_RESPONSE";

/**
 * A failed indexer request. `apiCode` is the server's own code (`INVALID_ADDRESS`, `NOT_FOUND`, …) when it sent one.
 *
 * @example
 * try { await client.ticket(contract, 1n) } catch (e) { if (e instanceof IndexerClientError && e.status === 404) … }
 */
export class IndexerClientError extends Error {
  override name = "IndexerClientError";
  constructor(
    readonly code: IndexerClientErrorCode,
    readonly shortMessage: string,
    readonly details: { url: string; status?: number; apiCode?: string; cause?: unknown },
  ) {
    super(`${shortMessage} (${details.url}${details.status === undefined ? "" : `, HTTP ${details.status}`})`, {
      cause: details.cause,
    });
  }
  get status(): number | undefined {
    return this.details.status;
  }
  get apiCode(): string | undefined {
    return this.details.apiCode;
  }
}
