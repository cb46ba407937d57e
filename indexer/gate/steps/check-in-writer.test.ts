/**
 * The group-committed writer keeps exactly-once: 50 gates × 20 tickets racing, through several
 * writers at once (as several gate instances would), on PGlite and on a real PostgreSQL.
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
import { createCheckInWriter } from "./check-in-writer";

const GATES = 50;
const TICKETS = 20;
const INSTANCES = 3;
const contract = getAddress("0x5fbdb2315678afecb367f032aa2e9bd2a4f6b4b7");

async function race(database: Database) {
  const writers = Array.from({ length: INSTANCES }, () =>
    createCheckInWriter(database.db, { maxBatch: 64, maxInFlight: 2 }),
  );
  const attempts = [];
  for (let gate = 0; gate < GATES; gate++) {
    for (let tokenId = 1n; tokenId <= BigInt(TICKETS); tokenId++) {
      const write = writers[gate % INSTANCES]!;
      attempts.push(
        write({
          ticket: { contract, tokenId },
          holder: contract,
          gateId: `gate-${gate}`,
          now: new Date(),
          mode: "pass",
        }).then(
          (at) => ({ tokenId, gate, at }),
          (err: unknown) => {
            if (err instanceof GateDenial && err.reason === "ALREADY_CHECKED_IN") return { tokenId, gate, at: null };
            throw err;
          },
        ),
      );
    }
  }
  const results = await Promise.all(attempts);
  const rows = await database.db.select().from(checkIns);
  for (let tokenId = 1n; tokenId <= BigInt(TICKETS); tokenId++) {
    const winners = results.filter((r) => r.tokenId === tokenId && r.at !== null);
    expect(winners, `ticket ${tokenId}`).toHaveLength(1);
    // The one told ADMIT is the one the database recorded.
    expect(rows.find((r) => r.tokenId === tokenId)?.gateId).toBe(`gate-${winners[0]!.gate}`);
  }
  const [{ n }] = (await database.db.select({ n: count() }).from(checkIns)) as [{ n: number }];
  expect(Number(n)).toBe(TICKETS);
}

describe("group-committed check-ins: exactly once", () => {
  it(`PGlite: ${GATES} gates × ${TICKETS} tickets through ${INSTANCES} writers`, async () => {
    const database = await openPglite(IN_MEMORY);
    try {
      await race(database);
    } finally {
      await database.close();
    }
  });

  if (postgresSkipReason)
    console.warn(`\n⚠ SKIPPED PostgreSQL group-commit exactly-once test: ${postgresSkipReason}\n`);
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

    it(`${GATES} gates × ${TICKETS} tickets through ${INSTANCES} writers over 20 connections`, async () => {
      await race(database);
    });
  });
});
