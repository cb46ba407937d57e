/** Request parsing shared by routes: zod schemas and JSON bodies that fail as AppErrors (lib/errors), not 500s. */
import type { Context } from "hono";
import { getAddress, type Address } from "viem";
import { z } from "zod";
import { AppError } from "../../lib/errors/app-error";
import type { ErrorCode } from "../../lib/errors/error-codes";

/** A 20-byte hex address in any case, normalised to EIP-55. */
export const addressSchema = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte hex address")
  .transform((s): Address => getAddress(s.toLowerCase()));

/** A uint256 token id as a decimal string. */
export const tokenIdSchema = z
  .string()
  .regex(/^\d{1,78}$/, "must be a decimal token id")
  .transform((s) => BigInt(s))
  .refine((n) => n < 2n ** 256n, "must fit in uint256");

/** Parses `value` or throws a 400 AppError naming the first problem. */
export function parseOr400<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: ErrorCode = "BAD_REQUEST",
): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  throw new AppError(code, `${where}${issue?.message ?? "invalid input"}`);
}

/** The request body as JSON, or a 400 INVALID_JSON. */
export async function readJson(c: Context): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw new AppError("INVALID_JSON", "request body is not valid JSON");
  }
}
