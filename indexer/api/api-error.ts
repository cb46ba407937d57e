/**
 * The API's errors are `AppError`s (lib/errors): one code registry, one `onError` in create-api.ts. `ApiError` is the
 * older spelling with a status argument, kept so code written against it still compiles; new code throws `AppError`.
 */
import { AppError } from "../../lib/errors/app-error";
import type { ErrorCode } from "../../lib/errors/error-codes";

export { errorBody, type ErrorBody as ApiErrorBody } from "../../lib/errors/app-error";

export type ApiErrorCode = ErrorCode;

/** @deprecated Throw `new AppError(code, message)`: the status comes from the registry, and `status` here is ignored. */
export class ApiError extends AppError {
  override name = "ApiError";
  constructor(_status: number, code: ErrorCode, message: string) {
    super(code, message);
  }
}
