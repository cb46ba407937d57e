/** Stable codes for what can go wrong between the app and the indexer; the UI and tests share them. */
export type IndexerErrorCode = "INDEXER_UNREACHABLE" | "INDEXER_HTTP_ERROR" | "INDEXER_BAD_RESPONSE";

/**
 * A failed indexer request, with a `shortMessage` fit for the UI and `details` for logs.
 *
 * @example
 * if (error instanceof IndexerError && error.code === "INDEXER_UNREACHABLE") showOfflineHint();
 */
export class IndexerError extends Error {
  override name = "IndexerError";

  constructor(
    readonly code: IndexerErrorCode,
    readonly shortMessage: string,
    readonly details: { url: string; status?: number; cause?: unknown },
  ) {
    super(`${shortMessage} (${details.url}${details.status === undefined ? "" : `, HTTP ${details.status}`})`, {
      cause: details.cause,
    });
  }
}
