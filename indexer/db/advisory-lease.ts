/**
 * A sync lease on a PostgreSQL session-level advisory lock, held on its own connection: the
 * lock lives exactly as long as that session, so when the holder dies (even by SIGKILL) the
 * server ends the session and another instance can take over.
 */
import pg from "pg";
import type { SyncLease } from "../sync/sync-lease";

/** 64-bit lock key derived from a name, so unrelated applications on the same server do not collide. */
export function lockKey(name: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const c of Buffer.from(name)) h = ((h ^ BigInt(c)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return BigInt.asIntN(64, h);
}

/**
 * @example
 * const lease = advisoryLease(process.env.DATABASE_URL!, "fairgate-sync:31337:0xabc…");
 * if (await lease.tryAcquire()) { ...sync... }
 */
export function advisoryLease(url: string, name: string, log: (line: string) => void = () => {}): SyncLease {
  const key = lockKey(name).toString();
  let client: pg.Client | null = null;
  let holding = false;
  let connecting: Promise<pg.Client> | null = null;

  async function connection(): Promise<pg.Client> {
    if (client) return client;
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url, application_name: "fairgate-sync-lease", keepAlive: true });
      c.on("error", (err) => {
        if (holding) log(`sync lease lost: ${err.message}`);
        holding = false;
        client = null;
        c.end().catch(() => {});
      });
      c.on("end", () => {
        holding = false;
        if (client === c) client = null;
      });
      await c.connect();
      client = c;
      return c;
    })().finally(() => (connecting = null));
    return connecting;
  }

  return {
    async tryAcquire() {
      if (holding && client) return true;
      try {
        const c = await connection();
        const res = await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1::bigint) AS ok", [key]);
        holding = res.rows[0]?.ok === true;
        if (holding) log("sync lease acquired: this instance syncs");
      } catch (err) {
        holding = false;
        log(`sync lease check failed: ${(err as Error).message}`);
      }
      return holding;
    },
    held: () => holding && client !== null,
    async release() {
      const c = client;
      holding = false;
      client = null;
      if (c) await c.end().catch(() => {});
    },
  };
}
