/**
 * `fairgate status` from the indexer (INDEXER_URL): its per-tier counts (`GET /events/:address`)
 * instead of scanning the chain's logs, so a status costs a few HTTP calls and one RPC call (the
 * chain's time, for the phase) whatever the history's length. Gate admissions not yet on chain
 * count as checked in, as they do in the chain path with INDEXER_URL. An indexer too old to send
 * per-tier counts gives null: the caller reads the chain instead.
 */
import type { Address } from "viem";
import { createIndexerClient, type EventDetail } from "../../../lib/indexer-client";
import type { ReadConnection } from "../chain/connect";
import { CliError } from "../errors";
import type { StatusReport, StatusRow } from "./status-report";

export async function indexerStatusReport(
  conn: ReadConnection,
  indexerUrl: string,
  event: Address,
): Promise<StatusReport | null> {
  const client = createIndexerClient({ baseUrl: indexerUrl, timeoutMs: 10_000 });
  let detail: EventDetail;
  let indexedBlock: number;
  try {
    [detail, { indexedBlock }] = await Promise.all([client.event(event), client.health()]);
  } catch (e) {
    throw new CliError(
      "INDEXER",
      `Cannot read the event from the indexer at ${indexerUrl}: ${e instanceof Error ? e.message : String(e)}. Unset INDEXER_URL to read the chain instead.`,
    );
  }
  if (
    detail.tiers.some(
      (t) =>
        t.sold === undefined ||
        t.resold === undefined ||
        t.refunded === undefined ||
        t.attended === undefined ||
        t.absent === undefined,
    )
  )
    return null;
  const now = (await conn.publicClient.getBlock()).timestamp;
  const e = detail.event;
  const startTime = BigInt(e.startTime);
  const started = now >= startTime;
  const phase = e.cancelled
    ? "cancelled"
    : e.endTime !== null && now >= BigInt(e.endTime)
      ? "ended"
      : started
        ? "live"
        : "upcoming";
  const rowOf = (t: EventDetail["tiers"][number]): StatusRow => ({
    supply: t.supply,
    minted: t.minted,
    sold: t.sold!,
    complimentary: t.minted - t.sold!,
    resold: t.resold!,
    checkedIn: t.attended!,
    refunded: t.refunded!,
    noShows: started && !e.cancelled ? t.absent! : null,
  });
  const sum = (rows: StatusRow[]): StatusRow => ({
    supply: rows.reduce((n, r) => n + r.supply, 0),
    minted: rows.reduce((n, r) => n + r.minted, 0),
    sold: rows.reduce((n, r) => n + r.sold, 0),
    complimentary: rows.reduce((n, r) => n + r.complimentary, 0),
    resold: rows.reduce((n, r) => n + r.resold, 0),
    checkedIn: rows.reduce((n, r) => n + r.checkedIn, 0),
    refunded: rows.reduce((n, r) => n + r.refunded, 0),
    noShows: started && !e.cancelled ? rows.reduce((n, r) => n + (r.noShows ?? 0), 0) : null,
  });
  const tiers = detail.tiers.map((t) => ({ tier: t.tier, zones: t.zones, ...rowOf(t) }));
  const zoneBits = [...new Set(tiers.flatMap((t) => bits(t.zones)))].sort((a, b) => a - b);
  const zones = zoneBits.map((zone) => ({ zone, ...sum(tiers.filter((t) => bits(t.zones).includes(zone))) }));
  return { event: e.address, name: e.name, phase, atBlock: String(indexedBlock), tiers, zones, total: sum(tiers) };
}

function bits(mask: number): number[] {
  return Array.from({ length: 32 }, (_, i) => i).filter((i) => (mask >>> i) & 1);
}
