/**
 * What a call to the server failed with, on the client side: an `AppError` (lib/errors) whose code is the server's own
 * (`NOT_FOUND`, `SEATS_TAKEN`, `GATE_UNAUTHORIZED`, …) with its status and details, or one the client raises itself:
 * `INDEXER_UNREACHABLE` (no answer, or none in time), `INDEXER_BAD_RESPONSE` (not JSON, or not the shape asked for),
 * `INDEXER_HTTP_ERROR` (an error status without a code, e.g. a proxy's page).
 *
 * @example
 * try { await client.ticket(contract, 1n) } catch (e) { if (e instanceof IndexerClientError && e.code === "NOT_FOUND") … }
 */
import { AppError } from "../errors/app-error";
import { type ErrorCode, errorCodeSpec } from "../errors/error-codes";

/** The codes the client raises itself; every other code is the server's. */
export type IndexerClientErrorCode = "INDEXER_UNREACHABLE" | "INDEXER_HTTP_ERROR" | "INDEXER_BAD_RESPONSE";

export type IndexerClientErrorDetails = {
  url: string;
  /** The HTTP status the server answered (none when it did not answer). */
  status?: number;
  /** The server's code, when it sent one (the same as `code`). */
  apiCode?: string;
  cause?: unknown;
  /** The timeout ran out before the answer. */
  timedOut?: boolean;
} & Record<string, unknown>;

export class IndexerClientError extends AppError {
  override name = "IndexerClientError";
  declare readonly details: IndexerClientErrorDetails;
  /** The server's message, or the client's own sentence, without the URL. */
  readonly shortMessage: string;

  constructor(code: ErrorCode | (string & {}), shortMessage: string, { cause, ...details }: IndexerClientErrorDetails) {
    // A newer server's code stays as it came; its status is the one received.
    super(
      code as ErrorCode,
      `${shortMessage} (${details.url}${details.status === undefined ? "" : `, HTTP ${details.status}`})`,
      { status: details.status ?? errorCodeSpec(code).status, details, cause },
    );
    this.shortMessage = shortMessage;
  }

  /** The server's code when it sent one. */
  get apiCode(): string | undefined {
    return this.details.apiCode;
  }
}
