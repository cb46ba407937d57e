/**
 * Bench data straight into the gate's tables: a fresh mirror (the event, its general-admission
 * tier, tickets with owners), one delegated
 * device key per holder, 50 scanner sessions, some tickets already admitted; and the pass texts
 * of a request mix, signed ahead of the timed run with the real WebCrypto device keys.
 */
import { randomBytes } from "node:crypto";
import { bytesToHex, getAddress, type Address } from "viem";
import { checkIns, events, passDelegations, tickets, tiers } from "../../../indexer/db/schema";
import type { Db } from "../../../indexer/db/types";
import { openSession } from "../../../indexer/gate/sessions/gate-session";
import { createDeviceKey, exportDevicePublicKey, keyIdOf, signPass, slotAt } from "../../../lib/pass";

export const BENCH_CHAIN_ID = 31337;
export const BENCH_EVENT = getAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3");
export const GATE_ID = (g: number) => `bench-${g}`;

export type Category = "valid" | "double" | "replayed" | "forged";
/** Out of 10 requests: 4 valid, 2 double scans, 2 screenshot replays (old slot), 2 forged signatures. */
const MIX: Category[] = [
  "valid",
  "double",
  "valid",
  "replayed",
  "valid",
  "forged",
  "valid",
  "double",
  "replayed",
  "forged",
];
export const EXPECTED: Record<Category, string> = {
  valid: "ADMIT",
  double: "ALREADY_CHECKED_IN",
  replayed: "SLOT_EXPIRED",
  forged: "BAD_SIGNATURE",
};

type Holder = { address: Address; keys: CryptoKeyPair; keyId: Uint8Array };
export type BenchRequest = { pass: string; category: Category };

export type Seeded = {
  tokens: string[];
  /**
   * Signs `n` requests of the mix at the current slot, using tickets never scanned before for "valid".
   * `repeatable`: leave out "valid", so the requests change nothing and can warm a client up.
   */
  requests(n: number, slotSeconds: number, opts?: { repeatable?: boolean }): Promise<BenchRequest[]>;
};

async function chunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

export async function seed(
  db: Db,
  opts: { holders: number; tickets: number; admitted: number; gates: number },
): Promise<Seeded> {
  const now = new Date();
  const holders: Holder[] = [];
  for (let h = 0; h < opts.holders; h++) {
    const keys = await createDeviceKey();
    const publicKey = await exportDevicePublicKey(keys.publicKey);
    const keyId = await keyIdOf(publicKey);
    const address = getAddress(bytesToHex(randomBytes(20)));
    holders.push({ address, keys, keyId });
    await db.insert(passDelegations).values({
      contract: BENCH_EVENT.toLowerCase(),
      keyId: bytesToHex(keyId).slice(2),
      publicKey,
      holder: address.toLowerCase(),
      expiresAt: new Date(now.getTime() + 24 * 3600_000),
      createdAt: now,
      createdBlock: 0,
      nonce: `bench-${h}`,
    });
  }
  const holderOf = (id: number) => holders[id % holders.length]!;
  // The mirror facts the gate reads with each admission: event (not cancelled), tier zones.
  await db.insert(events).values({
    address: BENCH_EVENT.toLowerCase(),
    eventId: 1n,
    organizer: holders[0]!.address.toLowerCase(),
    name: "Bench Night",
    startTime: 2_000_000_000n,
    createdBlock: 0,
    createdTx: "0x00",
  });
  await db.insert(tiers).values({
    contract: BENCH_EVENT.toLowerCase(),
    tier: 0,
    faceValue: 0n,
    supply: opts.tickets,
    zones: 1,
    mode: 0,
    resaleCapBps: 10_000,
    voucherOnly: false,
    blockNumber: 0,
  });
  const ticketRows = Array.from({ length: opts.tickets }, (_, i) => ({
    contract: BENCH_EVENT.toLowerCase(),
    tokenId: BigInt(i + 1),
    owner: holderOf(i + 1).address.toLowerCase(),
    mintedBlock: 0,
    updatedBlock: 0,
    updatedLogIndex: 0,
    tier: 0,
  }));
  await chunked(ticketRows, 1_000, (rows) => db.insert(tickets).values(rows));
  // Tickets 1..admitted were admitted before the run: the "double scan" targets.
  const admittedRows = Array.from({ length: opts.admitted }, (_, i) => ({
    contract: BENCH_EVENT.toLowerCase(),
    tokenId: BigInt(i + 1),
    holder: holderOf(i + 1).address.toLowerCase(),
    gateId: "bench-earlier",
    checkedInAt: now,
    mode: "pass",
  }));
  await chunked(admittedRows, 1_000, (rows) => db.insert(checkIns).values(rows));

  const tokens: string[] = [];
  for (let g = 0; g < opts.gates; g++) {
    const s = await openSession(db, {
      contract: BENCH_EVENT,
      gateId: GATE_ID(g),
      zone: 0,
      role: "gate",
      staff: `bench:${g}`,
      now,
      ttlSeconds: 3600,
    });
    tokens.push(s.token);
  }

  let nextFresh = opts.admitted + 1;
  let nextDouble = 0;
  return {
    tokens,
    async requests(n, slotSeconds, { repeatable = false } = {}) {
      const slot = slotAt(Date.now(), slotSeconds);
      const mix = repeatable ? MIX.filter((c) => c !== "valid") : MIX;
      const out: BenchRequest[] = [];
      for (let i = 0; i < n; i++) {
        const category = mix[i % mix.length]!;
        let id: number;
        if (category === "valid") {
          if (nextFresh > opts.tickets) throw new Error(`bench seeded too few tickets (${opts.tickets})`);
          id = nextFresh++;
        } else {
          id = (nextDouble++ % opts.admitted) + 1;
        }
        const h = holderOf(id);
        let pass = await signPass(h.keys.privateKey, {
          chainId: BENCH_CHAIN_ID,
          contract: BENCH_EVENT,
          tokenId: BigInt(id),
          slot: category === "replayed" ? slot - 5 : slot,
          keyId: h.keyId,
        });
        if (category === "forged") pass = forge(pass);
        out.push({ pass, category });
      }
      return out;
    },
  };
}

/** Changes one signature character: a forged pass that still decodes. */
function forge(pass: string): string {
  const i = pass.length - 10;
  return pass.slice(0, i) + (pass[i] === "A" ? "B" : "A") + pass.slice(i + 1);
}
