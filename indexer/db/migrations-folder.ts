import { fileURLToPath } from "node:url";

/** The SQL files drizzle-kit writes; applied in order at start-up. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL("./migrations", import.meta.url));
