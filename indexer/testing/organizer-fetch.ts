/**
 * A `fetch` into an in-process API that asks `/analytics/<contract>/…` as that event's organizer
 * (an admin gate session opened in the database, one per contract), for tests of the analytics
 * themselves; who may ask is tested in api/analytics/analytics-access.test.ts.
 */
import type { Address } from "viem";
import type { DbOrTx } from "../db/types";
import { openSession } from "../gate/sessions/gate-session";

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };

export function organizerFetch(app: App, db: DbOrTx, base = "http://indexer.test"): typeof globalThis.fetch {
  const tokens = new Map<string, Promise<string>>();
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const path = String(input).replace(base, "");
    const contract = /^\/analytics\/(0x[0-9a-fA-F]{40})\//.exec(path)?.[1]?.toLowerCase();
    if (!contract) return app.request(path, init);
    let token = tokens.get(contract);
    if (!token) {
      const opened = openSession(db, {
        contract: contract as Address,
        gateId: "organizer",
        zone: 0,
        role: "admin",
        staff: "organizer",
        now: new Date(),
        ttlSeconds: 86_400,
      });
      tokens.set(contract, (token = opened.then((s) => s.token)));
    }
    const headers = new Headers(init?.headers);
    headers.set("authorization", `Bearer ${await token}`);
    return app.request(path, { ...init, headers });
  }) as typeof globalThis.fetch;
}
