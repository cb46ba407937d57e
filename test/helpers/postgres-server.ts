import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../scripts/lib/wait";

export type PostgresServer = { url: string; stop(): void };

/** `FAIRGATE_PG_BIN` (set by `npm test` when PostgreSQL is there) or the reason it is not. */
export const postgresBin = process.env.FAIRGATE_PG_BIN;
export const postgresSkipReason =
  process.env.FAIRGATE_PG_SKIP ??
  (postgresBin ? undefined : "PostgreSQL suites need FAIRGATE_PG_BIN (npm test sets it)");

/**
 * A throwaway PostgreSQL cluster on a free loopback port, in a temp folder. As root it runs as
 * the `postgres` system user (initdb refuses root); elsewhere as the current user.
 */
export async function startPostgres(): Promise<PostgresServer> {
  if (!postgresBin) throw new Error(postgresSkipReason);
  const dir = mkdtempSync(join(tmpdir(), "fairgate-pg-"));
  const data = join(dir, "data");
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const ids = execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim();
    const gid = execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim();
    chownSync(dir, Number(ids), Number(gid));
    chmodSync(dir, 0o700);
  }
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", join(postgresBin!, cmd), ...args]]
      : [join(postgresBin!, cmd), args];
    const result = spawnSync(file, argv, { encoding: "utf8", timeout: 60_000 });
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout}`);
  };
  run("initdb", ["-D", data, "-A", "trust", "-U", "fairgate", "--no-sync", "-E", "UTF8"]);
  run("pg_ctl", [
    "-D",
    data,
    "-l",
    join(dir, "log"),
    "-w",
    "-t",
    "60",
    "-o",
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
    "start",
  ]);
  return {
    url: `postgres://fairgate@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
