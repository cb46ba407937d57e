/**
 * EventDataSource over contract views and logs (viem), with the indexer HTTP API filling in
 * what only it knows: gate admissions not yet batched on chain (`/tickets?owner=`).
 * One module, so `status` and `export` can move to a richer indexer API without changing.
 */
import {
  getAbiItem,
  getAddress,
  isAddressEqual,
  parseEventLogs,
  zeroAddress,
  type Address,
  type Hash,
  type Log,
} from "viem";
import { eventTicketAbi, resaleMarketAbi, ticketFactoryAbi } from "../../../lib/generated/abis";
import { scanRanges } from "../../../lib/rpc/scan-ranges";
import type { ReadConnection } from "../chain/connect";
import { getLogsChunked } from "../chain/get-logs-chunked";
import { CliError } from "../errors";
import type {
  CheckInRecord,
  EventDataSource,
  EventSnapshot,
  SaleRecord,
  TicketRecord,
  TierInfo,
} from "./event-snapshot";

/** `blockTimes: false` leaves sale and check-in times out: `status` never shows them, and each is a getBlock. */
export function chainEventData(
  conn: ReadConnection,
  opts: { factory: Address; factoryFromBlock: bigint; indexerUrl?: string; blockTimes?: boolean },
): EventDataSource {
  return {
    async snapshot(event: Address): Promise<EventSnapshot> {
      const pc = conn.publicClient;
      const block = await pc.getBlock();
      const atBlock = block.number;
      const at = { address: event, abi: eventTicketAbi, blockNumber: atBlock } as const;

      const [name, symbol, organizer, startTime, endTime, cancelled, escrowBalance, tierCount, market] =
        await Promise.all([
          pc.readContract({ ...at, functionName: "name" }),
          pc.readContract({ ...at, functionName: "symbol" }),
          pc.readContract({ ...at, functionName: "organizer" }),
          pc.readContract({ ...at, functionName: "startTime" }),
          pc.readContract({ ...at, functionName: "endTime" }),
          pc.readContract({ ...at, functionName: "cancelled" }),
          pc.readContract({ ...at, functionName: "escrowBalance" }),
          pc.readContract({ ...at, functionName: "tierCount" }),
          pc.readContract({ ...at, functionName: "market" }),
        ]);
      const tiers: TierInfo[] = await Promise.all(
        Array.from({ length: Number(tierCount) }, async (_, tier) => {
          const [t, minted] = await Promise.all([
            pc.readContract({ ...at, functionName: "tier", args: [tier] }),
            pc.readContract({ ...at, functionName: "tierMinted", args: [tier] }),
          ]);
          return {
            tier,
            faceValue: t.faceValue,
            supply: Number(t.supply),
            zones: Number(t.zones),
            mode: Number(t.mode),
            resaleCapBps: Number(t.resaleCapBps),
            voucherOnly: t.voucherOnly,
            minted: Number(minted),
          };
        }),
      );

      // Where the event's history starts: its EventCreated, found by a scan that stops at it. This
      // scan runs alone, so a provider's cap is learned once, before the main scan starts.
      const [created] = await getLogsChunked(pc, conn.rangeCap, {
        address: opts.factory,
        event: getAbiItem({ abi: ticketFactoryAbi, name: "EventCreated" }),
        args: { ticket: event },
        fromBlock: opts.factoryFromBlock,
        toBlock: atBlock,
        stopWhen: (found) => found.length > 0,
      });
      const fromBlock = created?.blockNumber ?? opts.factoryFromBlock;
      // One scan for the event's logs and the market's, decoded per address: one call per range instead of one per log family.
      const sources = isAddressEqual(market, zeroAddress) ? [event] : [event, market];
      const raw: Log[] = await scanRanges(
        (from, to) => pc.getLogs({ address: sources, fromBlock: from, toBlock: to }),
        { fromBlock, toBlock: atBlock, cap: conn.rangeCap },
      );
      const own = raw.filter((l) => isAddressEqual(l.address, event));
      const fromMarket = raw.filter((l) => isAddressEqual(l.address, market));
      const mintedLogs = parseEventLogs({ abi: eventTicketAbi, eventName: "TicketsMinted", logs: own });
      const transferLogs = parseEventLogs({ abi: eventTicketAbi, eventName: "Transfer", logs: own });
      const checkInLogs = parseEventLogs({ abi: eventTicketAbi, eventName: "CheckedIn", logs: own });
      const purchaseLogs = parseEventLogs({ abi: eventTicketAbi, eventName: "TicketsPurchased", logs: own });
      const refundLogs = parseEventLogs({ abi: eventTicketAbi, eventName: "Refunded", logs: own });
      const soldLogs = parseEventLogs({
        abi: resaleMarketAbi,
        eventName: "Sold",
        logs: fromMarket,
        args: { ticket: event },
      });

      const tierOf = new Map<bigint, number>();
      for (const l of mintedLogs)
        for (let i = 0n; i < l.args.count!; i++) tierOf.set(l.args.firstTokenId! + i, l.args.tier!);
      const tierOfToken = (id: bigint) => {
        const t = tierOf.get(id);
        if (t === undefined)
          throw new CliError("DATA", `Token #${id} has no TicketsMinted log; the log range is incomplete.`);
        return t;
      };

      const tickets = new Map<bigint, TicketRecord>();
      for (const l of transferLogs) {
        const id = l.args.tokenId!;
        const existing = tickets.get(id);
        if (existing) existing.owner = l.args.to!;
        else
          tickets.set(id, {
            tokenId: id,
            tier: tierOfToken(id),
            owner: l.args.to!,
            paid: false,
            refunded: false,
            checkedIn: false,
          });
      }
      for (const [id, t] of tickets) if (isAddressEqual(t.owner, zeroAddress)) tickets.delete(id);

      const times = opts.blockTimes === false ? async () => undefined : blockTimes(conn);
      const sales: SaleRecord[] = [];
      for (const l of purchaseLogs) {
        const count = l.args.count!;
        for (let i = 0n; i < count; i++) {
          const id = l.args.firstTokenId! + i;
          const t = tickets.get(id);
          if (t) t.paid = true;
          sales.push({
            kind: "primary",
            tokenId: id,
            tier: tierOfToken(id),
            buyer: l.args.buyer!,
            price: l.args.paid! / count,
            royalty: 0n,
            block: l.blockNumber,
            txHash: l.transactionHash,
            time: await times(l.blockNumber),
          });
        }
      }
      for (const l of soldLogs) {
        const id = l.args.tokenId!;
        sales.push({
          kind: "resale",
          tokenId: id,
          tier: tierOfToken(id),
          buyer: l.args.buyer!,
          seller: l.args.seller!,
          price: l.args.price!,
          royalty: l.args.royalty!,
          block: l.blockNumber,
          txHash: l.transactionHash,
          time: await times(l.blockNumber),
        });
      }
      for (const l of refundLogs) {
        const t = tickets.get(l.args.tokenId!);
        if (t) t.refunded = true;
      }

      const checkIns: CheckInRecord[] = [];
      for (const l of checkInLogs) {
        const t = tickets.get(l.args.tokenId!);
        if (!t) continue;
        t.checkedIn = true;
        checkIns.push({
          tokenId: t.tokenId,
          tier: t.tier,
          holder: t.owner,
          source: "chain",
          gate: l.args.gate!,
          block: l.blockNumber,
          txHash: l.transactionHash as Hash,
          time: await times(l.blockNumber),
        });
      }
      if (opts.indexerUrl) {
        for (const gateCheckIn of await indexerCheckIns(opts.indexerUrl, event, [
          ...new Set([...tickets.values()].map((t) => t.owner)),
        ])) {
          const t = tickets.get(gateCheckIn.tokenId);
          if (!t || t.checkedIn) continue;
          t.checkedIn = true;
          checkIns.push({ tokenId: t.tokenId, tier: t.tier, holder: t.owner, source: "gate", time: gateCheckIn.at });
        }
      }

      return {
        address: getAddress(event),
        name,
        symbol,
        organizer,
        startTime,
        endTime,
        cancelled,
        escrowBalance,
        now: block.timestamp,
        atBlock,
        tiers,
        tickets: [...tickets.values()].sort((a, b) => (a.tokenId < b.tokenId ? -1 : 1)),
        checkIns: checkIns.sort((a, b) => (a.tokenId < b.tokenId ? -1 : 1)),
        sales: sales.sort((a, b) =>
          a.block === b.block ? (a.tokenId < b.tokenId ? -1 : 1) : a.block < b.block ? -1 : 1,
        ),
      };
    },
  };
}

function blockTimes(conn: ReadConnection) {
  const cache = new Map<bigint, Promise<Date>>();
  return (block: bigint): Promise<Date> => {
    let t = cache.get(block);
    if (!t) {
      t = conn.publicClient.getBlock({ blockNumber: block }).then((b) => new Date(Number(b.timestamp) * 1000));
      cache.set(block, t);
    }
    return t;
  };
}

type IndexerTickets = {
  tickets: { contract: string; tokenId: string; checkedIn?: boolean; checkedInAt?: string | null }[];
};
const PAGE = 500;
const MAX_PAGES = 100;

/** Gate check-ins the indexer recorded, per holder (its only per-ticket API today). */
async function indexerCheckIns(
  indexerUrl: string,
  event: Address,
  owners: Address[],
): Promise<{ tokenId: bigint; at?: Date }[]> {
  const out: { tokenId: bigint; at?: Date }[] = [];
  for (const owner of owners) {
    for (let page = 0; page < MAX_PAGES; page++) {
      let body: IndexerTickets;
      try {
        const res = await fetch(`${indexerUrl}/tickets?owner=${owner}&limit=${PAGE}&offset=${page * PAGE}`, {
          signal: AbortSignal.timeout(10_000),
        });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        body = (await res.json()) as IndexerTickets;
      } catch (e) {
        throw new CliError(
          "INDEXER",
          `Cannot read gate check-ins from the indexer at ${indexerUrl}: ${e instanceof Error ? e.message : String(e)}. Unset INDEXER_URL to report on-chain check-ins only.`,
        );
      }
      for (const t of body.tickets) {
        if (t.checkedIn && isAddressEqual(getAddress(t.contract), event))
          out.push({ tokenId: BigInt(t.tokenId), at: t.checkedInAt ? new Date(t.checkedInAt) : undefined });
      }
      if (body.tickets.length < PAGE) break;
    }
  }
  return out;
}
