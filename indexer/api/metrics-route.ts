/** GET /metrics: Prometheus text exposition (version 0.0.4) of sync progress and API traffic. */
import { Hono } from "hono";
import type { SyncStatus } from "../sync/sync-status";

export type ApiCounters = { requests: Map<string, number>; sseClients: () => number };

type Metric = { name: string; help: string; type: "gauge" | "counter"; samples: [labels: string, value: number][] };

export function metricsRoute(status: () => SyncStatus, api: ApiCounters) {
  return new Hono().get("/", (c) => {
    const s = status();
    const g = (name: string, help: string, value: number | null): Metric => ({
      name,
      help,
      type: "gauge",
      samples: value === null ? [] : [["", value]],
    });
    const k = (name: string, help: string, value: number): Metric => ({
      name,
      help,
      type: "counter",
      samples: [["", value]],
    });
    const metrics: Metric[] = [
      g("fairgate_chain_head_block", "Latest chain head seen", s.headBlock),
      g("fairgate_indexed_block", "Last block fully applied", s.indexedBlock),
      g("fairgate_lag_blocks", "Head minus indexed block", s.lagBlocks),
      g("fairgate_lag_seconds", "Age of the oldest block not yet indexed", s.lagMs === null ? null : s.lagMs / 1000),
      g("fairgate_sync_ok", "1 when the last sync step succeeded", s.ok ? 1 : 0),
      g("fairgate_sync_leader", "1 when this instance holds the sync lease", s.role === "leader" ? 1 : 0),
      g("fairgate_getlogs_range_blocks", "Current eth_getLogs block range", s.counters.rangeSize),
      g("fairgate_last_range_seconds", "Time the last range took", s.counters.lastRangeMs / 1000),
      g("fairgate_backfill_blocks_total", "Blocks to backfill", s.backfill?.blocksTotal ?? null),
      g("fairgate_backfill_blocks_done", "Blocks backfilled", s.backfill?.blocksDone ?? null),
      g("fairgate_backfill_logs_per_second", "Backfill rate", s.backfill?.logsPerSecond ?? null),
      k("fairgate_logs_indexed_total", "Logs applied by this process", s.counters.logsIndexed),
      k("fairgate_ranges_applied_total", "Block ranges committed by this process", s.counters.rangesApplied),
      k("fairgate_reorgs_total", "Reorgs rolled back", s.counters.reorgs),
      k("fairgate_sync_errors_total", "Failed sync steps", s.counters.rpcErrors),
      k(
        "fairgate_getlogs_range_shrinks_total",
        "eth_getLogs ranges halved after a provider refusal",
        s.counters.rangeShrinks,
      ),
      k(
        "fairgate_ranges_prefetched_total",
        "Block ranges whose logs were read while the previous range was written",
        s.counters.rangesPrefetched,
      ),
      g(
        "fairgate_getlogs_range_cap_blocks",
        "The provider's eth_getLogs block-range cap learned from its refusals",
        s.counters.rangeCap ?? null,
      ),
      ...rpcCounters(s),
      g("fairgate_sse_clients", "Open /stream connections", api.sseClients()),
      ...memoryGauges(g),
      {
        name: "fairgate_http_requests_total",
        help: "HTTP requests by route and status",
        type: "counter",
        samples: [...api.requests].map(([labels, v]) => [labels, v]),
      },
    ];
    const text = metrics
      .map((m) =>
        [
          `# HELP ${m.name} ${m.help}`,
          `# TYPE ${m.name} ${m.type}`,
          ...m.samples.map(([l, v]) => `${m.name}${l} ${v}`),
        ].join("\n"),
      )
      .join("\n");
    return c.text(`${text}\n`, 200, { "content-type": "text/plain; version=0.0.4; charset=utf-8" });
  });
}

/** RPC calls by method, and how many the provider refused or rate-limited (429). */
function rpcCounters(s: SyncStatus): Metric[] {
  const rows = Object.entries(s.rpc ?? {});
  const per = (
    name: string,
    help: string,
    pick: (c: { calls: number; refused: number; rateLimited: number }) => number,
  ): Metric => ({
    name,
    help,
    type: "counter",
    samples: rows.map(([method, c]) => [`{method="${method.replace(/[^A-Za-z0-9_]/g, "_")}"}`, pick(c)]),
  });
  return [
    per("fairgate_rpc_calls_total", "JSON-RPC calls sent, by method", (c) => c.calls),
    per(
      "fairgate_rpc_refused_total",
      "JSON-RPC calls answered with an error other than a rate limit, by method",
      (c) => c.refused,
    ),
    per(
      "fairgate_rpc_rate_limited_total",
      "JSON-RPC calls answered 429 or rate-limit wording, by method",
      (c) => c.rateLimited,
    ),
  ];
}

/** The process's memory split, so RSS can be told apart from the JS heap and PGlite's WebAssembly memory (in external). */
function memoryGauges(g: (name: string, help: string, value: number) => Metric): Metric[] {
  const m = process.memoryUsage();
  return [
    g("process_resident_memory_bytes", "Resident set size", m.rss),
    g("nodejs_heap_used_bytes", "V8 heap in use", m.heapUsed),
    g("nodejs_heap_total_bytes", "V8 heap reserved", m.heapTotal),
    g(
      "nodejs_external_memory_bytes",
      "Memory outside the V8 heap held by JS objects (Buffers, WebAssembly memory)",
      m.external,
    ),
    g("nodejs_array_buffers_bytes", "ArrayBuffers and Buffers (part of external)", m.arrayBuffers),
  ];
}
