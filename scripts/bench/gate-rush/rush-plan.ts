/**
 * The gate rush, planned and seeded: an ownership mirror of `tickets` tickets held by fans with
 * one delegated device key each, one scanner session per gate, and the scans of the rush in
 * order: every ticket's holder once, 20 % of fans a second time (double scan), 5 % screenshots
 * (a stale slot), 2 % forwarded QRs (another fan's device signing for a ticket it does not hold),
 * and 1 % of tickets resold during the rush: the seller's pass later (refused) and the buyer's
 * (admitted). Resales go through the indexer's real log handlers (a Transfer applied as sync would).
 */
import { bytesToHex, getAddress, keccak256, toHex, type Address } from "viem";
import { events, passDelegations, tickets, tiers } from "../../../indexer/db/schema";
import type { Db } from "../../../indexer/db/types";
import { openSession } from "../../../indexer/gate/sessions/gate-session";
import { applyLogs } from "../../../indexer/handlers/apply-logs";
import type { ChainLog } from "../../../indexer/sync/chain-logs";
import { createDeviceKey, exportDevicePublicKey, keyIdOf, signPass, slotAt } from "../../../lib/pass";
import { seededRandom } from "../../../lib/random/seeded-random";

export const RUSH_CHAIN_ID = 31337;
export const RUSH_EVENT = getAddress("0x5fbdb2315678afecb367f032d93f642f64180aa3");
/** Long slots: passes are signed before the rush and must stay live through it (verify cost does not depend on it). */
export const RUSH_SLOT_SECONDS = 600;
/** The mirror's head: seeding is at block 1, resales at blocks 10..99. */
export const RUSH_HEAD_BLOCK = 100;

export type Category = "valid" | "double" | "screenshot" | "forwarded" | "resoldSeller" | "resoldBuyer";
/** Never an ADMIT for these. */
export const INVALID: ReadonlySet<Category> = new Set(["screenshot", "forwarded", "resoldSeller"]);
/** The reason an invalid scan must be refused with. */
export const EXPECTED_DENY: Partial<Record<Category, string>> = {
  screenshot: "SLOT_EXPIRED",
  forwarded: "NOT_OWNER",
  resoldSeller: "NOT_OWNER",
};

export type RushScan = { pass: string; category: Category; tokenId: number };
export type RushPlan = {
  tokens: string[];
  scans: RushScan[];
  /** Scans from this index on may concern resold tickets: the resale must be applied before. */
  resoldFrom: number;
  resold: number[];
  /** Applies the resales to the mirror (during the rush). */
  resell(): Promise<void>;
};

type Fan = { address: Address; keys: CryptoKeyPair; keyId: Uint8Array; publicKey: string };

async function newFan(seedText: string): Promise<Fan> {
  const keys = await createDeviceKey();
  const publicKey = await exportDevicePublicKey(keys.publicKey);
  return {
    address: getAddress(keccak256(toHex(seedText)).slice(0, 42)),
    keys,
    keyId: await keyIdOf(publicKey),
    publicKey,
  };
}

async function delegate(db: Db, fan: Fan, createdBlock: number, now: Date): Promise<void> {
  await db.insert(passDelegations).values({
    contract: RUSH_EVENT.toLowerCase(),
    keyId: bytesToHex(fan.keyId).slice(2),
    publicKey: fan.publicKey,
    holder: fan.address.toLowerCase(),
    expiresAt: new Date(now.getTime() + 24 * 3600_000),
    createdAt: now,
    createdBlock,
    nonce: `rush-${fan.address}-${createdBlock}`,
  });
}

function shuffled<T>(xs: T[], random: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

export async function planRush(db: Db, o: { tickets: number; gates: number; seed: number }): Promise<RushPlan> {
  const random = seededRandom(o.seed);
  const now = new Date();
  // About 2.5 tickets per fan (groups and families), at least 2 fans.
  const fans: Fan[] = [];
  const fanCount = Math.max(2, Math.ceil(o.tickets / 2.5));
  for (let f = 0; f < fanCount; f++) fans.push(await newFan(`rush-fan-${o.seed}-${f}`));
  for (let i = 0; i < fans.length; i += 500) {
    const chunk = fans.slice(i, i + 500);
    await db.insert(passDelegations).values(
      chunk.map((fan) => ({
        contract: RUSH_EVENT.toLowerCase(),
        keyId: bytesToHex(fan.keyId).slice(2),
        publicKey: fan.publicKey,
        holder: fan.address.toLowerCase(),
        expiresAt: new Date(now.getTime() + 24 * 3600_000),
        createdAt: now,
        createdBlock: 1,
        nonce: `rush-${fan.address}`,
      })),
    );
  }
  const holderOf = (id: number) => fans[(id * 7919) % fans.length]!;
  // The mirror as the indexer keeps it: the event (not cancelled) and its general-admission tier, so admissions take the
  // one-statement path; only a mirror "no" (forwarded QR, resold seller) asks the chain.
  await db.insert(events).values({
    address: RUSH_EVENT.toLowerCase(),
    eventId: 1n,
    organizer: fans[0]!.address.toLowerCase(),
    name: "Rush Night",
    startTime: 2_000_000_000n,
    createdBlock: 1,
    createdTx: "0x00",
  });
  await db.insert(tiers).values({
    contract: RUSH_EVENT.toLowerCase(),
    tier: 0,
    faceValue: 0n,
    supply: o.tickets,
    zones: 1,
    mode: 0,
    resaleCapBps: 10_000,
    voucherOnly: false,
    blockNumber: 1,
  });
  const ids = Array.from({ length: o.tickets }, (_, i) => i + 1);
  for (let i = 0; i < ids.length; i += 1_000) {
    await db.insert(tickets).values(
      ids.slice(i, i + 1_000).map((id) => ({
        contract: RUSH_EVENT.toLowerCase(),
        tokenId: BigInt(id),
        owner: holderOf(id).address.toLowerCase(),
        mintedBlock: 1,
        updatedBlock: 1,
        updatedLogIndex: 0,
        tier: 0,
      })),
    );
  }
  const tokens: string[] = [];
  for (let g = 0; g < o.gates; g++) {
    const s = await openSession(db, {
      contract: RUSH_EVENT,
      gateId: `rush-${g}`,
      zone: 0,
      role: "gate",
      staff: `rush:${g}`,
      now,
      ttlSeconds: 3600,
    });
    tokens.push(s.token);
  }

  // 1 % resold during the rush (at least one): scanned only in the last quarter of the rush.
  const order = shuffled([...ids], random);
  const resoldCount = Math.max(1, Math.round(o.tickets * 0.01));
  const resold = order.slice(0, resoldCount);
  const rest = order.slice(resoldCount);
  const buyers = new Map<number, Fan>();
  for (const id of resold) buyers.set(id, await newFan(`rush-buyer-${o.seed}-${id}`));

  const slot = slotAt(Date.now(), RUSH_SLOT_SECONDS);
  const sign = (fan: Fan, tokenId: number, s = slot) =>
    signPass(fan.keys.privateKey, {
      chainId: RUSH_CHAIN_ID,
      contract: RUSH_EVENT,
      tokenId: BigInt(tokenId),
      slot: s,
      keyId: fan.keyId,
    });

  const early: RushScan[] = [];
  for (const id of rest) {
    const fan = holderOf(id);
    const pass = await sign(fan, id);
    early.push({ pass, category: "valid", tokenId: id });
    if (random() < 0.2) early.push({ pass, category: "double", tokenId: id }); // placed at random below
    if (random() < 0.05) early.push({ pass: await sign(fan, id, slot - 5), category: "screenshot", tokenId: id });
    if (random() < 0.02) {
      const friend = fans[(fans.indexOf(fan) + 1) % fans.length]!;
      early.push({ pass: await sign(friend, id), category: "forwarded", tokenId: id });
    }
  }
  const late: RushScan[] = [];
  for (const id of resold) {
    late.push({ pass: await sign(holderOf(id), id), category: "resoldSeller", tokenId: id });
    late.push({ pass: await sign(buyers.get(id)!, id), category: "resoldBuyer", tokenId: id });
  }
  // Second scans and copies anywhere after the first scan; the resold tickets' scans at the end, mixed with the tail.
  const first = early.filter((s) => s.category === "valid");
  const extra = early.filter((s) => s.category !== "valid");
  const scans = shuffled(first, random);
  for (const s of extra) {
    const after = scans.findIndex((x) => x.tokenId === s.tokenId && x.category === "valid");
    scans.splice(after + 1 + Math.floor(random() * (scans.length - after)), 0, s);
  }
  const tailStart = Math.floor(scans.length * 0.8);
  const tail = shuffled([...scans.slice(tailStart), ...late], random);
  const all = [...scans.slice(0, tailStart), ...tail];

  return {
    tokens,
    scans: all,
    resoldFrom: tailStart,
    resold,
    async resell() {
      let block = 10;
      for (let i = 0; i < resold.length; i += 10) {
        const batch = resold.slice(i, i + 10);
        const logs = batch.map((id, k) => ({
          eventName: "Transfer",
          args: { from: holderOf(id).address, to: buyers.get(id)!.address, tokenId: BigInt(id) },
          address: RUSH_EVENT,
          blockNumber: BigInt(block),
          logIndex: k,
          transactionHash: keccak256(toHex(`rush-resale-${id}`)),
          blockHash: keccak256(toHex(`rush-block-${block}`)),
        })) as unknown as ChainLog[];
        await db.transaction((tx) => applyLogs(tx, logs, new Map()));
        // The buyer delegates a device key after receiving the ticket.
        for (const id of batch) await delegate(db, buyers.get(id)!, block, new Date());
        block = Math.min(RUSH_HEAD_BLOCK - 1, block + 1);
      }
    },
  };
}
