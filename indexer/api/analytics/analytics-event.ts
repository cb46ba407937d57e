/** What every analytics route does first: a valid contract address (400) naming a known event (404). */
import type { Context } from "hono";
import { z } from "zod";
import { eventByAddress, type EventRow } from "../../db/queries/event-detail";
import type { Db } from "../../db/types";
import { AppError } from "../../../lib/errors/app-error";
import { addressSchema, parseOr400 } from "../validation";

const params = z.object({ contract: addressSchema });

export async function analyticsEvent(db: Db, c: Context): Promise<EventRow & { contract: `0x${string}` }> {
  const { contract } = parseOr400(params, c.req.param(), "INVALID_ADDRESS");
  const event = await eventByAddress(db, contract);
  if (!event) throw new AppError("UNKNOWN_EVENT", `no event at ${contract}`);
  return { ...event, contract };
}

/** Query string → typed options; unknown parameters are refused, so a typo is a 400, not a silent default. */
export const queryOf = <S extends z.ZodRawShape>(shape: S) => z.strictObject(shape);

/** ISO time → Date; refused unless it parses. */
export const isoTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
export const toIso = (v: Date | string): string => (v instanceof Date ? v : new Date(v)).toISOString();
export const epochIso = (seconds: number | string): string => new Date(Number(seconds) * 1000).toISOString();
