/**
 * The SQL fast path `gate_admit` (migration 0001) restates the hot subset of the admission rules;
 * lib/gate/judge-admission.ts is the rule. Seeded random facts (owner, burned, tier zones and the
 * gate's zone, unknown tier, cancelled event, named ticket and the ID entered, real-name deadline
 * rows and binding, admission time around the deadline, admitted before, moved after the pass's
 * delegation, event missing from the mirror) are written to the mirror on PGlite and scanned
 * through the real admitter; the same facts go to judgeAdmission. Verdicts must be equal, and so
 * must the reason the gate gives from the facts the statement reports. Replay a failure with
 * GATE_ADMIT_SEED=<seed printed in the failure>.
 */
import { getAddress, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judgeAdmission, type AdmissionFacts, type AdmissionClaim } from "../../../lib/gate/judge-admission";
import { identityCommitment, matchesCommitment } from "../../../lib/identity/identity-commitment";
import { seededRandom } from "../../../lib/random/seeded-random";
import { IN_MEMORY, openPglite } from "../../db/open-pglite";
import { checkIns, events, identityDeadlines, tickets, tiers } from "../../db/schema";
import type { Database } from "../../db/types";
import { deadlinesByTier, type DeadlineRow } from "../facts/tier-deadlines";
import { createMirrorAdmitter, type MirrorAdmission, type MirrorAdmissionRequest } from "./mirror-admission";

const CASES = 800;
const SEED = Number(process.env.GATE_ADMIT_SEED ?? 20_261_207);
const START = 2_000_000_000; // the events' start time, unix seconds
const PEPPER = "gate-admit-property-pepper";
const ALICE = getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
const BOB = getAddress("0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc");
const ZERO_ADDRESS = "0x0000000000000000000000000000000000000000";
const ZERO_HASH = `0x${"0".repeat(64)}`;
const LIVE = "0x5fbdb2315678afecb367f032aa2e9bd2a4f6b4b7";
const CANCELLED = "0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0";
/** An event the mirror has not read yet (a stale mirror): the statement must never admit on it. */
const UNSEEN = "0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9";
const NAMED = identityCommitment(PEPPER, "A1234567");

/** One scan's world: how the mirror stores it, the request, and the facts judgeAdmission sees. */
type Case = {
  tokenId: bigint;
  contract: string;
  /** The mirror's ticket row, or null when the mirror has none. */
  ticket: {
    owner: string;
    tier: number | null;
    updatedBlock: number;
    commitment: string | null;
    bound: boolean;
  } | null;
  tierRow: { zones: number } | null;
  deadlineRows: DeadlineRow[];
  checkedInBefore: boolean;
  request: MirrorAdmissionRequest;
  idNumber: string | null;
};

function generate(seed: number): Case[] {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number) => random() < p;
  const cases: Case[] = [];
  for (let i = 1; i <= CASES; i++) {
    const tier = i; // one tier per case, so zones and deadlines vary freely
    const deadlineRows: DeadlineRow[] = Array.from({ length: pick([0, 0, 1, 1, 2]) }, () => ({
      tier,
      secs: pick([0, 60, 3_600, 86_400, START + 5]), // START + 5: the deadline floors at 1
    }));
    const deadline = deadlinesByTier(deadlineRows, START).get(tier) ?? null;
    const base = deadline === null ? START - 7_200 : deadline;
    const atMs = base * 1000 + pick([-86_400_000, -1000, -1, 0, 1, 999, 1000, 86_400_000]);
    const updatedBlock = 1 + Math.floor(random() * 100);
    const notMovedAfter = chance(0.5) ? null : pick([updatedBlock - 1, updatedBlock, updatedBlock + 5]);
    const commitment = pick([null, null, ZERO_HASH, NAMED, NAMED.toUpperCase().replace("0X", "0x")]);
    const ticket = chance(0.07)
      ? null
      : {
          owner: pick([ALICE, ALICE, ALICE, BOB, ZERO_ADDRESS]).toLowerCase(),
          tier: chance(0.05) ? null : tier,
          updatedBlock,
          commitment,
          bound: chance(0.4),
        };
    cases.push({
      tokenId: BigInt(i),
      contract: chance(0.1) ? CANCELLED : chance(0.06) ? UNSEEN : LIVE,
      ticket,
      tierRow: chance(0.05)
        ? null
        : { zones: pick([0b1, 0b10, 0b101, 0xffffffff, 0x80000000, Math.floor(random() * 2 ** 32)]) },
      deadlineRows,
      checkedInBefore: chance(0.15),
      idNumber: pick([null, "A1234567", " a123 4567", "B7654321", ""]),
      request: {
        ticket: { contract: getAddress(LIVE), tokenId: BigInt(i) }, // contract set below
        claimant: ALICE,
        gateId: `gate-${i % 7}`,
        zone: pick([0, 1, 2, 30, 31, Math.floor(random() * 32)]),
        identity: null, // set below from idNumber, as admit-ticket.ts does
        now: new Date(atMs),
        mode: notMovedAfter === null ? "challenge" : "pass",
        notMovedAfter,
      },
    });
  }
  for (const c of cases) {
    c.request.ticket = { contract: getAddress(c.contract), tokenId: c.tokenId };
    const hasId = c.idNumber !== null && c.idNumber.trim() !== "";
    c.request.identity = hasId ? identityCommitment(PEPPER, c.idNumber!) : null;
  }
  return cases;
}

async function writeMirror(db: Database["db"], cases: Case[]): Promise<void> {
  const event = (address: string, cancelled: boolean) => ({
    address,
    eventId: 1n,
    organizer: BOB.toLowerCase(),
    name: "Property Night",
    startTime: BigInt(START),
    createdBlock: 1,
    createdTx: "0x00",
    ...(cancelled ? { cancelledAt: BigInt(START - 10), cancelledBlock: 9 } : {}),
  });
  await db.insert(events).values([event(LIVE, false), event(CANCELLED, true)]);
  const tierRows = cases.flatMap((c) =>
    c.tierRow
      ? [
          {
            contract: c.contract,
            tier: Number(c.tokenId),
            faceValue: 0n,
            supply: 1000,
            zones: c.tierRow.zones | 0, // int4 column: bit 31 is the sign
            mode: 0,
            resaleCapBps: 10_000,
            voucherOnly: false,
            blockNumber: 1,
          },
        ]
      : [],
  );
  const ticketRows = cases.flatMap((c) =>
    c.ticket
      ? [
          {
            contract: c.contract,
            tokenId: c.tokenId,
            owner: c.ticket.owner,
            mintedBlock: 1,
            updatedBlock: c.ticket.updatedBlock,
            updatedLogIndex: 0,
            tier: c.ticket.tier,
            identityCommitment: c.ticket.commitment,
            boundBlock: c.ticket.bound ? 3 : null,
          },
        ]
      : [],
  );
  const deadlineRows = cases.flatMap((c) =>
    c.deadlineRows.map((d, k) => ({
      blockNumber: Number(c.tokenId),
      logIndex: k, // rows in order: the last one is the latest
      contract: c.contract,
      tier: d.tier,
      secondsBeforeStart: d.secs,
      txHash: "0x00",
    })),
  );
  const prior = cases
    .filter((c) => c.checkedInBefore)
    .map((c) => ({
      contract: c.contract,
      tokenId: c.tokenId,
      holder: ALICE.toLowerCase(),
      gateId: "earlier",
      checkedInAt: new Date(START * 1000 - 60_000),
      mode: "challenge",
    }));
  for (const [table, rows] of [
    [tiers, tierRows],
    [tickets, ticketRows],
    [identityDeadlines, deadlineRows],
    [checkIns, prior],
  ] as const) {
    for (let k = 0; k < rows.length; k += 200) await db.insert(table).values(rows.slice(k, k + 200) as never);
  }
}

/** The facts of the world as judgeAdmission reads them (the contract's meaning of each mirror row). */
function truth(c: Case): { facts: AdmissionFacts; claim: AdmissionClaim } {
  const t = c.ticket;
  const owner = t === null || t.owner === ZERO_ADDRESS ? null : t.owner;
  const commitment = t?.commitment == null || t.commitment === ZERO_HASH ? null : t.commitment.toLowerCase();
  const tierKnown = t !== null && t.tier !== null && c.tierRow !== null;
  return {
    facts: {
      owner,
      movedSinceDelegation: t !== null && c.request.notMovedAfter !== null && t.updatedBlock > c.request.notMovedAfter,
      cancelled: c.contract === CANCELLED,
      zones: tierKnown ? c.tierRow!.zones : null,
      identityCommitment: commitment,
      identityDeadline: t?.tier == null ? null : (deadlinesByTier(c.deadlineRows, START).get(t.tier) ?? null),
      bound: t?.bound ?? false,
      checkedIn: c.checkedInBefore,
    },
    claim: claimOf(c),
  };
}

function claimOf(c: Case): AdmissionClaim {
  const id = c.idNumber;
  return {
    claimant: c.request.claimant,
    zone: c.request.zone,
    atMs: c.request.now.getTime(),
    identity:
      id === null || id.trim() === ""
        ? { kind: "missing", why: "no ID entered" }
        : { kind: "entered", matches: (commitment) => matchesCommitment(PEPPER, id, commitment as Hex) },
  };
}

/**
 * The gate's answer from the statement: ADMIT when it admitted, else the first rule its reported
 * facts fail (what admit-ticket.ts explains from them, or the slow path judges when they are the
 * chain's too), else first-wins: ALREADY_CHECKED_IN.
 */
function fastPathReason(c: Case, r: MirrorAdmission): string {
  if (r.admitted) return "ADMIT";
  const f = r.facts;
  const j = judgeAdmission(
    {
      owner: f.owner,
      movedSinceDelegation:
        c.request.notMovedAfter !== null &&
        f.lastTransferBlock !== null &&
        f.lastTransferBlock > c.request.notMovedAfter,
      cancelled: f.cancelled ?? false,
      zones: f.zones,
      identityCommitment: f.identityCommitment,
      identityDeadline: f.identityDeadline,
      bound: f.bound,
      checkedIn: false,
    },
    claimOf(c),
  );
  return j.admit ? "ALREADY_CHECKED_IN" : j.reason;
}

describe("gate_admit agrees with judgeAdmission", { timeout: 120_000 }, () => {
  let database: Database;
  const cases = generate(SEED);
  const results: MirrorAdmission[] = [];

  beforeAll(async () => {
    database = await openPglite(IN_MEMORY);
    await writeMirror(database.db, cases);
    // Through the real admitter: batches of up to 64 scans per statement.
    const admit = createMirrorAdmitter(database.db, { maxBatch: 64, maxInFlight: 1 });
    results.push(...(await Promise.all(cases.map((c) => admit(c.request)))));
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  it(`${CASES} random worlds (seed ${SEED}): same verdict, same reason`, () => {
    const disagreements: string[] = [];
    const seen = new Map<string, number>();
    cases.forEach((c, k) => {
      const r = results[k]!;
      if (c.contract === UNSEEN) {
        // The mirror lacks the event: never admit, report it unknown (the caller asks the chain).
        if (r.admitted || r.facts.cancelled !== null)
          disagreements.push(`token ${c.tokenId}: admitted an unseen event`);
        return;
      }
      const { facts, claim } = truth(c);
      const j = judgeAdmission(facts, claim);
      const expected = j.admit ? "ADMIT" : j.reason;
      const got = fastPathReason(c, r);
      seen.set(expected, (seen.get(expected) ?? 0) + 1);
      if (got !== expected)
        disagreements.push(`token ${c.tokenId}: SQL ${got}, rule ${expected} (${JSON.stringify(r.facts)})`);
    });
    expect(disagreements, `seed ${SEED}`).toEqual([]);
    // The generator reaches every outcome the statement decides, each more than a few times.
    for (const outcome of [
      "ADMIT",
      "UNKNOWN_TOKEN",
      "NOT_OWNER",
      "NO_DELEGATION",
      "CANCELLED",
      "ZONE_NOT_ALLOWED",
      "IDENTITY_UNBOUND",
      "IDENTITY_REQUIRED",
      "IDENTITY_MISMATCH",
      "ALREADY_CHECKED_IN",
    ]) {
      expect(seen.get(outcome) ?? 0, outcome).toBeGreaterThanOrEqual(5);
    }
  });
});
