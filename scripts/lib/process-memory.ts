/**
 * Memory of another process over time, for benchmarks: RSS (and its anonymous / file-backed parts) from
 * /proc/<pid>/status, read every `intervalMs` whatever the process is doing, plus the V8 heap and external
 * memory from its Prometheus /metrics (answered only when its event loop is free, so possibly older).
 */
import { readFile } from "node:fs/promises";

export type MemorySample = {
  /** ms since sampling started */
  t: number;
  rssMiB: number;
  anonMiB: number;
  fileMiB: number;
  /** From the last /metrics answer (null before the first one). */
  heapUsedMiB: number | null;
  heapTotalMiB: number | null;
  externalMiB: number | null;
  arrayBuffersMiB: number | null;
};

export type MemorySampler = { stop(): Promise<MemorySample[]> };

const MiB = 1024 * 1024;
const round = (x: number) => Math.round(x * 10) / 10;

/** Samples until `stop()` (bounded: at most `maxSamples`). Linux only (/proc). */
export function sampleProcessMemory(
  pid: number,
  metricsUrl: string,
  intervalMs = 100,
  maxSamples = 20_000,
): MemorySampler {
  const started = Date.now();
  const samples: MemorySample[] = [];
  let heap: Pick<MemorySample, "heapUsedMiB" | "heapTotalMiB" | "externalMiB" | "arrayBuffersMiB"> = {
    heapUsedMiB: null,
    heapTotalMiB: null,
    externalMiB: null,
    arrayBuffersMiB: null,
  };
  let metricsInFlight = false;
  let ticks = 0;

  async function readMetrics(): Promise<void> {
    if (metricsInFlight) return;
    metricsInFlight = true;
    try {
      const text = await (await fetch(metricsUrl, { signal: AbortSignal.timeout(5_000) })).text();
      const gauge = (name: string) => {
        const v = new RegExp(`^${name} (\\d+)$`, "m").exec(text)?.[1];
        return v === undefined ? null : round(Number(v) / MiB);
      };
      heap = {
        heapUsedMiB: gauge("nodejs_heap_used_bytes"),
        heapTotalMiB: gauge("nodejs_heap_total_bytes"),
        externalMiB: gauge("nodejs_external_memory_bytes"),
        arrayBuffersMiB: gauge("nodejs_array_buffers_bytes"),
      };
    } catch {
      // A busy or exiting process: keep the last answer.
    } finally {
      metricsInFlight = false;
    }
  }

  async function tick(): Promise<void> {
    if (samples.length >= maxSamples) return;
    if (ticks++ % 3 === 0) void readMetrics();
    try {
      const status = await readFile(`/proc/${pid}/status`, "utf8");
      const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      samples.push({
        t: Date.now() - started,
        rssMiB: round(kib("VmRSS") / 1024),
        anonMiB: round(kib("RssAnon") / 1024),
        fileMiB: round(kib("RssFile") / 1024),
        ...heap,
      });
    } catch {
      // The process exited.
    }
  }

  const timer = setInterval(() => void tick(), intervalMs);
  void tick();
  return {
    async stop() {
      clearInterval(timer);
      return samples;
    },
  };
}

/** The sample with the highest RSS. */
export function peakSample(samples: readonly MemorySample[]): MemorySample | undefined {
  return samples.reduce<MemorySample | undefined>((a, b) => (!a || b.rssMiB > a.rssMiB ? b : a), undefined);
}
