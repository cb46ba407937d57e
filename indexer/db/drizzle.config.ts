/** drizzle-kit config: `npx drizzle-kit generate --config indexer/db/drizzle.config.ts` writes SQL migrations. */
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./indexer/db/tables",
  out: "./indexer/db/migrations",
});
