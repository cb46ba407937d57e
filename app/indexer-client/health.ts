import { z } from "zod";
import { fetchIndexerJson, type FetchIndexerJsonOptions } from "./fetch-json";

/** What the status footer shows; `null` where the indexer did not say. */
export type IndexerHealth = {
  ok: boolean;
  indexedBlock: number | null;
  headBlock: number | null;
  lagBlocks: number | null;
  lagSeconds: number | null;
};

/** A block number or count, as a number or a decimal string (bigints travel as strings in JSON). */
const count = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)]).transform(Number);
const optionalCount = count.nullish().catch(undefined);

const syncFieldsSchema = z.looseObject({
  ok: z.boolean().optional().catch(undefined),
  status: z.string().optional().catch(undefined),
  indexedBlock: optionalCount,
  lastIndexedBlock: optionalCount,
  syncedBlock: optionalCount,
  cursor: optionalCount,
  headBlock: optionalCount,
  chainHead: optionalCount,
  head: optionalCount,
  lagBlocks: optionalCount,
  lagSeconds: optionalCount,
  lag: z
    .union([count, z.looseObject({ blocks: optionalCount, seconds: optionalCount })])
    .nullish()
    .catch(undefined),
});

const healthSchema = syncFieldsSchema.extend({ sync: syncFieldsSchema.optional().catch(undefined) });

const first = (...values: (number | null | undefined)[]) => values.find((v) => typeof v === "number" && Number.isFinite(v)) ?? null;

/**
 * Normalises a `GET /health` body. Field names are read leniently (`indexedBlock`,
 * `lastIndexedBlock`, `cursor`; `headBlock`, `head`; `lagBlocks` or `lag.blocks` …), at the top
 * level or under `sync`, so the footer keeps working while the indexer's API settles.
 *
 * @example
 * parseHealth({ ok: true, indexedBlock: 120, headBlock: 121, lag: { blocks: 1, seconds: 2 } }, true)
 */
export function parseHealth(body: unknown, httpOk: boolean): IndexerHealth {
  const parsed = healthSchema.safeParse(body);
  const top = parsed.success ? parsed.data : {};
  const sync: z.infer<typeof syncFieldsSchema> = (parsed.success && parsed.data.sync) || {};
  const pick = (key: "indexedBlock" | "lastIndexedBlock" | "syncedBlock" | "cursor" | "headBlock" | "chainHead" | "head" | "lagBlocks" | "lagSeconds") =>
    [top[key], sync[key]];
  const lagOf = (source: { lag?: z.infer<typeof syncFieldsSchema>["lag"] }) =>
    typeof source.lag === "number" ? { blocks: source.lag, seconds: undefined } : (source.lag ?? {});

  const indexedBlock = first(...pick("indexedBlock"), ...pick("lastIndexedBlock"), ...pick("syncedBlock"), ...pick("cursor"));
  const headBlock = first(...pick("headBlock"), ...pick("chainHead"), ...pick("head"));
  const lagBlocks =
    first(...pick("lagBlocks"), lagOf(top).blocks, lagOf(sync).blocks) ??
    (indexedBlock !== null && headBlock !== null ? Math.max(0, headBlock - indexedBlock) : null);
  const lagSeconds = first(...pick("lagSeconds"), lagOf(top).seconds, lagOf(sync).seconds);
  const status = top.status?.toLowerCase();
  const ok = httpOk && top.ok !== false && (status === undefined || ["ok", "healthy", "up", "synced", "syncing"].includes(status));

  return { ok, indexedBlock, headBlock, lagBlocks, lagSeconds };
}

/**
 * The indexer's sync status. A 503 with a JSON body (lagging or not yet synced) is still an answer.
 *
 * @example
 * const { indexedBlock, lagBlocks } = await fetchHealth("http://127.0.0.1:4100");
 */
export async function fetchHealth(indexerUrl: string, options?: FetchIndexerJsonOptions): Promise<IndexerHealth> {
  const { status, body } = await fetchIndexerJson(indexerUrl, "/health", { ...options, acceptStatuses: [503] });
  return parseHealth(body, status >= 200 && status < 300);
}
