/**
 * Exactly-once admission: many gates racing to admit the same tickets, on PGlite (one process,
 * interleaved) and on a real PostgreSQL server (a pool of 20 connections, truly parallel).
 */
import { count } from "drizzle-orm";
import { getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresSkipReason, startPostgres, type PostgresServer } from "../../../test/helpers/postgres-server";
import { openDatabase } from "../../db/open-database";
import { IN_MEMORY, openPglite } from "../../db/open-pglite";
import { checkIns } from "../../db/schema";
import type { Database } from "../../db/types";
import { GateDenial } from "../gate-denial";
import { recordCheckIn } from "./record-check-in";

const GATES = 50;
const TICKETS = 20;
const contract = getAddress("0x5fbdb2315678afecb367f032aa2e9bd2a4f6b4b7");

async function race(database: Database) {
  const attempts = [];
  for (let tokenId = 1n; tokenId <= BigInt(TICKETS); tokenId++) {
    for (let gate = 0; gate < GATES; gate++) {
      attempts.push(
        recordCheckIn(database.db, {
          ticket: { contract, tokenId },
          holder: contract,
          gateId: `gate-${gate}`,
          now: new Date(),
          mode: "pass",
        }).then(
          () => ({ tokenId, admitted: true }),
          (err: unknown) => {
            if (err instanceof GateDenial && err.reason === "ALREADY_CHECKED_IN") return { tokenId, admitted: false };
            throw err;
          },
        ),
      );
    }
  }
  const results = await Promise.all(attempts);
  for (let tokenId = 1n; tokenId <= BigInt(TICKETS); tokenId++) {
    expect(
      results.filter((r) => r.tokenId === tokenId && r.admitted),
      `ticket ${tokenId}`,
    ).toHaveLength(1);
  }
  const [{ n }] = (await database.db.select({ n: count() }).from(checkIns)) as [{ n: number }];
  expect(Number(n)).toBe(TICKETS);
}

describe("exactly-once admission", () => {
  it(`PGlite: ${GATES} gates × ${TICKETS} tickets admit each ticket once`, async () => {
    const database = await openPglite(IN_MEMORY);
    try {
      await race(database);
    } finally {
      await database.close();
    }
  });

  if (postgresSkipReason) console.warn(`\n⚠ SKIPPED PostgreSQL exactly-once test: ${postgresSkipReason}\n`);
  describe.skipIf(postgresSkipReason)("PostgreSQL", () => {
    let server: PostgresServer;
    let database: Database;
    beforeAll(async () => {
      server = await startPostgres();
      database = await openDatabase({ databaseUrl: server.url, dataDir: IN_MEMORY, poolSize: 20 });
    }, 120_000);
    afterAll(async () => {
      await database?.close();
      server?.stop();
    });

    it(`${GATES} gates × ${TICKETS} tickets over 20 connections admit each ticket once`, async () => {
      await race(database);
    });
  });
});
