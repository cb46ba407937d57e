/**
 * A generated event for the analytics tests: tiers, mints, free transfers, resales at many prices
 * (some at the cap), gate admissions at many times and gates, on-chain check-ins, hoarders,
 * identity rings and planted funnels, all from one seed (lib/random). `generateAnalyticsEvent`
 * returns the plain model (what the reference computations read); `insertAnalyticsEvent` writes
 * it into the mirror and gate tables the way the sync engine and the gate would.
 */
import { seededRandom } from "../../lib/random/seeded-random";
import { checkIns, events, mints, sales, tickets, tiers, transfers } from "../db/schema";
import type { Db } from "../db/types";

export const ZERO = "0x0000000000000000000000000000000000000000";
const ETH = 10n ** 18n;

export type GenTier = { tier: number; faceValue: bigint; supply: number; mode: number; resaleCapBps: number };
export type GenTicket = {
  tokenId: bigint;
  tier: number;
  owner: string;
  mintedBlock: number;
  updatedBlock: number;
  updatedLogIndex: number;
  identityCommitment: string | null;
  checkedInBlock: number | null;
  refundedBlock: number | null;
};
export type GenTransfer = {
  blockNumber: number;
  logIndex: number;
  tokenId: bigint;
  from: string;
  to: string;
  kind: "mint" | "transfer" | "sale";
  price: bigint | null;
};
export type GenSale = {
  blockNumber: number;
  logIndex: number;
  tokenId: bigint;
  buyer: string;
  seller: string;
  price: bigint;
  royalty: bigint;
};
export type GenCheckIn = { tokenId: bigint; holder: string; gateId: string; checkedInAt: Date };

export type GeneratedEvent = {
  contract: string;
  organizer: string;
  startTime: number;
  cancelled: boolean;
  tiers: GenTier[];
  tickets: GenTicket[];
  transfers: GenTransfer[];
  sales: GenSale[];
  checkIns: GenCheckIn[];
  /** Planted for the hoarding report (the report may find more, by chance). */
  planted: {
    hoarders: string[];
    funnelCollector: string;
    lateFunnelCollector: string;
    singleSourceCollector: string;
    ringIdentity: string;
  };
};

export type GenerateOptions = {
  seed: number;
  contract: string;
  startTime: number;
  cancelled?: boolean;
  fans?: number;
  /** Multiplies supplies and trades (benchmarks use large events). */
  scale?: number;
  /** First mint block; events sharing a database need disjoint block ranges ((block, log) is unique per table). */
  firstBlock?: number;
};

/** Lowercase, as the mirror stores addresses. */
const wallet = (tag: number, i: number) => `0x${tag.toString(16).padStart(8, "0")}${i.toString(16).padStart(32, "0")}`;

/**
 * @example
 * const ev = generateAnalyticsEvent({ seed: 1, contract: "0x…", startTime: 1767290400 });
 * await insertAnalyticsEvent(db, ev);
 */
export function generateAnalyticsEvent(o: GenerateOptions): GeneratedEvent {
  const random = seededRandom(o.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const hex32 = () => `0x${Array.from({ length: 64 }, () => Math.floor(random() * 16).toString(16)).join("")}`;
  const scale = o.scale ?? 1;
  const tag = o.seed * 7919;
  const fans = Array.from({ length: o.fans ?? 80 }, (_, i) => wallet(tag, i + 1));
  const [hoarderA, hoarderB, collectorX, collectorY, collectorZ] = [1, 2, 3, 4, 5].map((i) => wallet(tag + 1, i)) as [
    string,
    string,
    string,
    string,
    string,
  ];

  const tierList: GenTier[] = [
    { tier: 0, faceValue: ETH / 20n, supply: 220 * scale, mode: 0, resaleCapBps: 11_000 },
    { tier: 1, faceValue: ETH / 5n, supply: 60 * scale, mode: 1, resaleCapBps: 10_000 },
    { tier: 2, faceValue: ETH, supply: 20 * scale, mode: 1, resaleCapBps: 15_000 },
    { tier: 3, faceValue: 0n, supply: 20 * scale, mode: 0, resaleCapBps: 0 },
  ];
  const fill = [0.85, 0.9, 0.9, 0.5];

  const logIndexAt = new Map<number, number>();
  const nextLog = (block: number) => {
    const i = logIndexAt.get(block) ?? 0;
    logIndexAt.set(block, i + 1);
    return i;
  };
  const ticketList: GenTicket[] = [];
  const transferList: GenTransfer[] = [];
  const saleList: GenSale[] = [];
  const byId = new Map<bigint, GenTicket>();

  const move = (t: GenTicket, to: string, block: number, kind: "transfer" | "sale", price: bigint | null) => {
    const b = Math.max(block, t.updatedBlock + 1);
    const li = nextLog(b);
    transferList.push({ blockNumber: b, logIndex: li, tokenId: t.tokenId, from: t.owner, to, kind, price });
    if (kind === "sale") {
      saleList.push({
        blockNumber: b,
        logIndex: nextLog(b),
        tokenId: t.tokenId,
        buyer: to,
        seller: t.owner,
        price: price!,
        royalty: (price! * 500n) / 10_000n,
      });
    }
    t.owner = to;
    t.updatedBlock = b;
    t.updatedLogIndex = li;
  };

  // Identities: most fans have their own; three wallets share one (a borrowed-ID ring).
  const identityOf = new Map(fans.map((f) => [f, hex32()]));
  const ringIdentity = hex32();
  for (const f of fans.slice(0, 3)) identityOf.set(f, ringIdentity);

  // Mints: in blocks 100.., a few tickets per block. VIP tickets are identity-bound (vouchers).
  let block = o.firstBlock ?? 100;
  let nextId = 1n;
  const mintTo = (tier: GenTier, to: string) => {
    if (random() < 0.3) block += 1;
    const t: GenTicket = {
      tokenId: nextId++,
      tier: tier.tier,
      owner: to,
      mintedBlock: block,
      updatedBlock: block,
      updatedLogIndex: nextLog(block),
      identityCommitment: tier.tier === 1 ? (identityOf.get(to) ?? hex32()) : null,
      checkedInBlock: null,
      refundedBlock: null,
    };
    transferList.push({
      blockNumber: block,
      logIndex: t.updatedLogIndex,
      tokenId: t.tokenId,
      from: ZERO,
      to,
      kind: "mint",
      price: null,
    });
    ticketList.push(t);
    byId.set(t.tokenId, t);
    return t;
  };
  for (const tier of tierList) {
    const n = Math.floor(tier.supply * fill[tier.tier]!);
    for (let i = 0; i < n; i++) mintTo(tier, pick(fans));
  }
  // Hoarders bought many tickets at primary.
  for (let i = 0; i < 7; i++) mintTo(tierList[0]!, hoarderA);
  for (let i = 0; i < 2; i++) mintTo(tierList[1]!, hoarderA);
  for (let i = 0; i < 10; i++) mintTo(tierList[0]!, hoarderB);
  // The ring's three wallets each take two more VIP tickets under the shared identity.
  for (const f of fans.slice(0, 3)) for (let i = 0; i < 2; i++) mintTo(tierList[1]!, f);
  const lastMintBlock = block;

  const ga = ticketList.filter(
    (t) => t.tier === 0 && !fans.slice(0, 3).includes(t.owner) && t.owner !== hoarderA && t.owner !== hoarderB,
  );
  const takeGa = (owner?: string) => {
    const i = ga.findIndex((t) => (owner ? t.owner === owner : true) && t.updatedBlock === t.mintedBlock);
    return i < 0 ? null : ga.splice(i, 1)[0]!;
  };
  // Funnel X: five first-hand holders forward one or two tickets each within 5..100 blocks of the mint.
  const usedSources = new Set<string>();
  for (let tries = 0; usedSources.size < 5 && tries < 200; tries++) {
    const first = takeGa();
    if (!first) break;
    if (usedSources.has(first.owner)) continue;
    const from = first.owner;
    usedSources.add(from);
    move(first, collectorX, first.mintedBlock + int(5, 100), "transfer", null);
    const second = random() < 0.5 ? takeGa(from) : null;
    if (second) move(second, collectorX, second.mintedBlock + int(5, 100), "transfer", null);
  }
  // Funnel Y: three sources: one long after its mint (outside a 300-block window), one exactly
  // 100 blocks after (inside a 100-block window: the window is inclusive), one soon after.
  const delays = [500, 100, int(1, 50)];
  for (const delay of delays) {
    const t = takeGa()!;
    move(t, collectorY, t.mintedBlock + delay, "transfer", null);
  }
  // Z: four tickets, all from one source (not a funnel: one source).
  const source = hoarderB;
  for (const t of ticketList.filter((x) => x.owner === source).slice(0, 4))
    move(t, collectorZ, t.mintedBlock + int(1, 30), "transfer", null);

  // Random free transfers of general tickets, at random delays.
  for (let i = 0; i < 30 * scale; i++) {
    const t = pick(ticketList.filter((x) => x.tier === 0));
    const to = pick(fans);
    if (to !== t.owner) move(t, to, t.updatedBlock + int(1, 2_000), "transfer", null);
  }
  // Resales at 50–100 % of the cap, a fifth exactly at it; the free comp tier resells at 0 (its cap).
  for (let i = 0; i < 70 * scale; i++) {
    const tier = pick([tierList[0]!, tierList[1]!, tierList[1]!, tierList[2]!]);
    const t = pick(ticketList.filter((x) => x.tier === tier.tier));
    const buyer = pick(fans);
    if (buyer === t.owner) continue;
    const cap = (tier.faceValue * BigInt(tier.resaleCapBps)) / 10_000n;
    const price = random() < 0.2 ? cap : (cap * BigInt(int(5_000, 10_000))) / 10_000n;
    move(t, buyer, t.updatedBlock + int(1, 1_500), "sale", price);
  }
  const comp = ticketList.find((t) => t.tier === 3)!;
  move(comp, pick(fans.filter((f) => f !== comp.owner)), comp.updatedBlock + 10, "sale", 0n);

  // Cancelled events: a share of the holders take their refund (and never come).
  const cancelled = o.cancelled ?? false;
  const lastTradeBlock = Math.max(lastMintBlock, ...ticketList.map((t) => t.updatedBlock));
  if (cancelled) for (const t of ticketList) if (random() < 0.4) t.refundedBlock = lastTradeBlock + int(1, 50);

  // Door: arrivals from an hour before the start to half an hour after, bunched towards the start.
  const attend = [0.85, 0.92, 1, 0.5];
  const checkInList: GenCheckIn[] = [];
  const doorBlock = lastTradeBlock + 100;
  for (const t of ticketList) {
    if (t.refundedBlock !== null || random() >= attend[t.tier]!) continue;
    const bell = (random() + random() + random()) / 3;
    const at = new Date((o.startTime - 3_600 + bell * 5_400) * 1000 + int(0, 999));
    if (random() < 0.06) {
      // Checked in on chain by a gate this indexer does not run: no admission row, still attended.
      t.checkedInBlock = doorBlock + int(0, 300);
      continue;
    }
    const gateId = t.tier === 0 || t.tier === 3 ? pick(["north", "north", "south"]) : pick(["vip", "vip", "north"]);
    checkInList.push({ tokenId: t.tokenId, holder: t.owner, gateId, checkedInAt: at });
    if (random() < 0.7) t.checkedInBlock = doorBlock + int(0, 300);
  }

  return {
    contract: o.contract.toLowerCase(),
    organizer: wallet(tag + 2, 1),
    startTime: o.startTime,
    cancelled,
    tiers: tierList,
    tickets: ticketList,
    transfers: transferList,
    sales: saleList,
    checkIns: checkInList,
    planted: {
      hoarders: [hoarderA, hoarderB],
      funnelCollector: collectorX,
      lateFunnelCollector: collectorY,
      singleSourceCollector: collectorZ,
      ringIdentity,
    },
  };
}

async function inChunks<T>(xs: T[], write: (chunk: T[]) => Promise<unknown>, size = 400): Promise<void> {
  for (let i = 0; i < xs.length; i += size) await write(xs.slice(i, i + size));
}

/** Writes the event into the chain mirror (events, tiers, tickets, mints, transfers, sales) and `check_ins`. */
export async function insertAnalyticsEvent(db: Db, ev: GeneratedEvent): Promise<void> {
  const c = ev.contract;
  const txHash = (n: number) => `0x${n.toString(16).padStart(64, "0")}`;
  await db.insert(events).values({
    address: c,
    eventId: 1n,
    organizer: ev.organizer,
    name: `Generated ${c.slice(0, 8)}`,
    startTime: BigInt(ev.startTime),
    createdBlock: 1,
    createdTx: txHash(1),
    endTime: BigInt(ev.startTime + 6 * 3600),
    lockWindow: 0,
    maxPerWallet: 10,
    maxPerIdentity: 10,
    royaltyBps: 500,
    tierCount: ev.tiers.length,
    cancelledAt: ev.cancelled ? BigInt(ev.startTime - 86_400) : null,
    cancelledBlock: ev.cancelled ? 5_000 : null,
  });
  await db.insert(tiers).values(
    ev.tiers.map((t) => ({
      contract: c,
      tier: t.tier,
      faceValue: t.faceValue,
      supply: t.supply,
      zones: 1,
      mode: t.mode,
      resaleCapBps: t.resaleCapBps,
      voucherOnly: false,
      blockNumber: 2,
    })),
  );
  await inChunks(ev.tickets, (xs) =>
    db.insert(tickets).values(
      xs.map((t) => ({
        contract: c,
        tokenId: t.tokenId,
        owner: t.owner,
        mintedBlock: t.mintedBlock,
        updatedBlock: t.updatedBlock,
        updatedLogIndex: t.updatedLogIndex,
        tier: t.tier,
        paid: true,
        identityCommitment: t.identityCommitment,
        checkedInBlock: t.checkedInBlock,
        refundedBlock: t.refundedBlock,
      })),
    ),
  );
  // One TicketsMinted row per minted ticket (the sync engine writes one per call; analytics do not read it).
  await inChunks(ev.tickets, (xs) =>
    db.insert(mints).values(
      xs.map((t) => ({
        blockNumber: t.mintedBlock,
        logIndex: 10_000 + Number(t.tokenId),
        contract: c,
        tier: t.tier,
        firstTokenId: t.tokenId,
        count: 1,
        txHash: txHash(t.mintedBlock),
      })),
    ),
  );
  await inChunks(ev.transfers, (xs) =>
    db.insert(transfers).values(
      xs.map((t) => ({
        blockNumber: t.blockNumber,
        logIndex: t.logIndex,
        contract: c,
        tokenId: t.tokenId,
        from: t.from,
        to: t.to,
        txHash: txHash(t.blockNumber),
        kind: t.kind,
        price: t.price,
      })),
    ),
  );
  await inChunks(ev.sales, (xs) =>
    db.insert(sales).values(
      xs.map((s) => ({
        blockNumber: s.blockNumber,
        logIndex: s.logIndex,
        contract: c,
        tokenId: s.tokenId,
        buyer: s.buyer,
        seller: s.seller,
        price: s.price,
        royalty: s.royalty,
        txHash: txHash(s.blockNumber),
      })),
    ),
  );
  await inChunks(ev.checkIns, (xs) =>
    db.insert(checkIns).values(
      xs.map((k) => ({
        contract: c,
        tokenId: k.tokenId,
        holder: k.holder,
        gateId: k.gateId,
        checkedInAt: k.checkedInAt,
        mode: "pass",
        chainConfirmed: false,
      })),
    ),
  );
}
