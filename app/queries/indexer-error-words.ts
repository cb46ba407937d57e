import { IndexerClientError } from "../../lib/indexer-client/errors";

/**
 * Why `what` (e.g. "this ticket's history") cannot be shown, in words, for an error from an indexer
 * query. The app never falls back to scanning the chain's logs: it says the indexer is the problem.
 *
 * @example
 * indexerErrorWords(new IndexerClientError("INDEXER_UNREACHABLE", "…", { url }), "the resale listings")
 * // "The indexer is not answering, so the resale listings cannot be shown right now. …"
 */
export function indexerErrorWords(error: unknown, what: string): string {
  if (!(error instanceof IndexerClientError))
    return `Could not load ${what}: ${error instanceof Error ? error.message : String(error)}`;
  switch (error.code) {
    case "INDEXER_UNREACHABLE":
      return `The indexer is not answering, so ${what} cannot be shown right now. It appears here by itself once the indexer is back; tickets and transactions still work.`;
    case "INDEXER_BAD_RESPONSE":
      return `The indexer answered something this page does not understand, so ${what} cannot be shown (${error.shortMessage}).`;
    default:
      // The server's own refusal (NOT_FOUND, RATE_LIMITED, …) or an error status without a code.
      if (error.status === 404)
        return `The indexer does not know this yet, so ${what} cannot be shown. It has probably not caught up with the chain: try again in a moment.`;
      if (error.status === 429)
        return `The indexer is busy (too many requests), so ${what} cannot be shown right now. Try again in a moment.`;
      return `The indexer could not answer (${error.shortMessage}), so ${what} cannot be shown right now.`;
  }
}
