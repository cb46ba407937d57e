/** Column helpers shared by every table file (see conventions in ../schema.ts). */
import { bigint, numeric } from "drizzle-orm/pg-core";

export const uint256 = (name: string) => numeric(name, { precision: 78, scale: 0, mode: "bigint" });
export const blockNumber = (name: string) => bigint(name, { mode: "number" });
