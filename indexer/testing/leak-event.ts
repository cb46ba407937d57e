/**
 * A generated event for the leak report's SQL-vs-reference test: tickets issued through every
 * channel, public purchases, free transfers, market listings (some cancelled), sales, organizer
 * recoveries and channel configuration, from one seed. `expectedLeaks` is the report computed in
 * plain TypeScript from the model; `insertLeakEvent` writes the model into the mirror tables.
 */
import { getAddress } from "viem";
import { channelLabel, channelModes } from "../../lib/channels";
import type { LeaksResponse } from "../../lib/indexer-client/analytics-schemas";
import { seededRandom } from "../../lib/random/seeded-random";
import { channelConfigs, events, listings, purchases, tickets, transfers } from "../db/schema";
import type { Db } from "../db/types";

const ZERO = "0x0000000000000000000000000000000000000000";
type Hop = {
  block: number;
  log: number;
  tokenId: bigint;
  from: string;
  to: string;
  kind: "mint" | "transfer" | "sale" | "recovery";
  price: bigint | null;
};
export type LeakEvent = {
  contract: string;
  tickets: { tokenId: bigint; channel: number; owner: string }[];
  hops: Hop[];
  listings: { block: number; log: number; tokenId: bigint; seller: string; price: bigint }[];
  purchases: { block: number; log: number; buyer: string; firstTokenId: bigint }[];
  channels: { channel: number; quota: number; mode: number; name: string }[];
};

const wallet = (i: number) => `0x${(0xabc0000 + i).toString(16).padStart(40, "0")}`;

export function generateLeakEvent(seed: number, contract: string): LeakEvent {
  const random = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const wallets = Array.from({ length: 40 }, (_, i) => wallet(i + 1));
  const ev: LeakEvent = {
    contract: contract.toLowerCase(),
    tickets: [],
    hops: [],
    listings: [],
    purchases: [],
    channels: [],
  };
  ev.channels = [
    { channel: 0, quota: 200, mode: 0, name: "" },
    { channel: 1, quota: 40, mode: 1, name: "" },
    { channel: 2, quota: 20, mode: 2, name: "" },
    { channel: 5, quota: 10, mode: 0, name: "press" },
  ];
  let block = 100;
  let tokenId = 0n;
  for (let i = 0; i < 160; i++) {
    const channel = pick([0, 0, 0, 0, 1, 1, 2, 3, 4, 5]);
    const owner = pick(wallets);
    tokenId += 1n;
    block += 1;
    ev.tickets.push({ tokenId, channel, owner });
    ev.hops.push({ block, log: 0, tokenId, from: ZERO, to: owner, kind: "mint", price: null });
    if (channel === 0) ev.purchases.push({ block, log: 1, buyer: owner, firstTokenId: tokenId });
  }
  for (let i = 0; i < 140; i++) {
    const t = pick(ev.tickets);
    block += 1;
    const r = random();
    if (r < 0.3) {
      ev.listings.push({ block, log: 0, tokenId: t.tokenId, seller: t.owner, price: BigInt(int(1, 9)) * 10n ** 16n });
    } else {
      const to = pick(wallets);
      if (to === t.owner) continue;
      const kind = r < 0.55 ? "sale" : r < 0.9 ? "transfer" : "recovery";
      if (kind === "sale")
        ev.listings.push({ block, log: 0, tokenId: t.tokenId, seller: t.owner, price: BigInt(int(1, 9)) * 10n ** 16n });
      ev.hops.push({
        block,
        log: 1,
        tokenId: t.tokenId,
        from: t.owner,
        to,
        kind,
        price: kind === "sale" ? ev.listings.at(-1)!.price : null,
      });
      t.owner = to;
    }
  }
  return ev;
}

/** The leak report, from the model. */
export function expectedLeaks(ev: LeakEvent, limit = 500): LeaksResponse {
  const names = Object.fromEntries(ev.channels.filter((c) => c.name).map((c) => [c.channel, c.name]));
  const buyers = new Set(ev.purchases.map((p) => p.buyer));
  const judged = ev.tickets
    .filter((t) => t.channel !== 0)
    .map((t) => {
      const chain = ev.hops.filter((h) => h.tokenId === t.tokenId).sort((a, b) => a.block - b.block || a.log - b.log);
      return {
        t,
        chain,
        moves: chain.filter((h) => h.kind !== "mint" && h.kind !== "recovery").length,
        listings: ev.listings.filter((l) => l.tokenId === t.tokenId).length,
        publicBuyer: buyers.has(t.owner),
      };
    });
  const reported = judged.filter((j) => j.moves > 0 || j.listings > 0 || j.publicBuyer);
  const ids = [...new Set([...ev.tickets.map((t) => t.channel), ...ev.channels.map((c) => c.channel)])].sort(
    (a, b) => a - b,
  );
  return {
    contract: getAddress(ev.contract),
    limit,
    channels: ids.map((id) => {
      const cfg = ev.channels.find((c) => c.channel === id);
      const mine = judged.filter((j) => j.t.channel === id);
      return {
        channel: id,
        name: channelLabel(id, names),
        quota: cfg?.quota ?? null,
        mode: cfg ? channelModes[cfg.mode]! : null,
        issued: ev.tickets.filter((t) => t.channel === id).length,
        reported: mine.filter((j) => j.moves > 0 || j.listings > 0 || j.publicBuyer).length,
        moved: mine.filter((j) => j.moves > 0).length,
        listed: mine.filter((j) => j.listings > 0).length,
        heldByPublicBuyer: mine.filter((j) => j.publicBuyer).length,
      };
    }),
    tickets: reported
      .sort((a, b) => a.t.channel - b.t.channel || Number(a.t.tokenId - b.t.tokenId))
      .slice(0, limit)
      .map((j) => ({
        tokenId: j.t.tokenId.toString(),
        channel: j.t.channel,
        channelName: channelLabel(j.t.channel, names),
        tier: 0,
        holder: getAddress(j.t.owner),
        moves: j.moves,
        listings: j.listings,
        holderBoughtPublicly: j.publicBuyer,
        chain: j.chain.map((h) => ({
          from: getAddress(h.from),
          to: getAddress(h.to),
          kind: h.kind,
          price: h.price?.toString() ?? null,
          txHash: txHash(h.block),
          block: h.block,
        })),
      })),
  };
}

const txHash = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;

export async function insertLeakEvent(db: Db, ev: LeakEvent): Promise<void> {
  const c = ev.contract;
  await db.insert(events).values({
    address: c,
    eventId: 1n,
    organizer: wallet(999),
    name: "Leaky",
    startTime: 2_000_000_000n,
    createdBlock: 1,
    createdTx: txHash(1),
  });
  await db.insert(channelConfigs).values(
    ev.channels.map((ch, i) => ({
      blockNumber: 50,
      logIndex: i,
      contract: c,
      channel: ch.channel,
      quota: ch.quota,
      mode: ch.mode,
      name: ch.name,
      txHash: txHash(50),
    })),
  );
  const last = new Map<bigint, Hop>();
  for (const h of ev.hops) last.set(h.tokenId, h);
  await db.insert(tickets).values(
    ev.tickets.map((t) => {
      const mint = ev.hops.find((h) => h.tokenId === t.tokenId && h.kind === "mint")!;
      const l = last.get(t.tokenId)!;
      return {
        contract: c,
        tokenId: t.tokenId,
        owner: t.owner,
        mintedBlock: mint.block,
        updatedBlock: l.block,
        updatedLogIndex: l.log,
        tier: 0,
        channel: t.channel,
      };
    }),
  );
  await db.insert(transfers).values(
    ev.hops.map((h) => ({
      blockNumber: h.block,
      logIndex: h.log,
      contract: c,
      tokenId: h.tokenId,
      from: h.from,
      to: h.to,
      txHash: txHash(h.block),
      kind: h.kind,
      price: h.price,
    })),
  );
  await db.insert(listings).values(
    ev.listings.map((l) => ({
      blockNumber: l.block,
      logIndex: l.log,
      contract: c,
      tokenId: l.tokenId,
      seller: l.seller,
      price: l.price,
      txHash: txHash(l.block),
    })),
  );
  await db.insert(purchases).values(
    ev.purchases.map((p) => ({
      blockNumber: p.block,
      logIndex: p.log,
      contract: c,
      buyer: p.buyer,
      firstTokenId: p.firstTokenId,
      count: 1,
      paid: 1n,
      txHash: txHash(p.block),
    })),
  );
}
