/**
 * Errors the CLI shows to people. Each has a stable `code` (tests and scripts match on it) and a
 * message that says what went wrong and what to do; `fairgate.ts` prints it without a stack trace.
 */
export class CliError extends Error {
  override name = "CliError";
  constructor(
    readonly code: string,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
  }
}

/** Bad configuration: env variables, flags, keys. */
export class ConfigError extends CliError {
  override name = "ConfigError";
  constructor(message: string, details?: string[]) {
    super("CONFIG", message, details);
  }
}

/** A spec or CSV file that does not validate; `details` lists every problem with its location. */
export class InputError extends CliError {
  override name = "InputError";
  constructor(message: string, details?: string[]) {
    super("INPUT", message, details);
  }
}

/** The RPC answers for another chain than the one configured. */
export class WrongNetworkError extends CliError {
  override name = "WrongNetworkError";
  constructor(expected: number, actual: number, rpcUrl: string) {
    super(
      "WRONG_NETWORK",
      `${rpcUrl} is chain ${actual}, but CHAIN_ID is ${expected}. Point RPC_URL at chain ${expected} or change CHAIN_ID.`,
    );
  }
}

/** The signer lacks the role an action needs. */
export class NotAuthorizedError extends CliError {
  override name = "NotAuthorizedError";
  constructor(message: string) {
    super("NOT_AUTHORIZED", message);
  }
}

/** The signer cannot pay for the transaction. */
export class InsufficientFundsError extends CliError {
  override name = "InsufficientFundsError";
  constructor(message: string) {
    super("INSUFFICIENT_FUNDS", message);
  }
}

/** The contract refused: `reason` is the decoded custom error (e.g. `EventTicketSoldOut`). */
export class RevertError extends CliError {
  override name = "RevertError";
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super("REVERTED", message);
  }
}

/** Something expected on chain is missing (no deployment, not a Fairgate event, …). */
export class NotFoundError extends CliError {
  override name = "NotFoundError";
  constructor(message: string) {
    super("NOT_FOUND", message);
  }
}
