import { z } from "zod";

/** `?limit=&offset=`: bounded, so no request can ask for the whole table. */
export const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
