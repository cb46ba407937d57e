/**
 * The load generator, run as its own process (so it does not share the server's event loop):
 * N gates POST /gate/pass/scan over keep-alive loopback connections, either as fast as each
 * gate can (closed loop) or at a fixed total rate (open loop; latency counted from the
 * scheduled send time, so a stalled server cannot hide its queueing). Reads a job file, prints
 * one JSON result line.
 */
import { readFileSync } from "node:fs";
import { keepAlivePool } from "./keep-alive-pool";
import type { BenchRequest } from "./seed";

export type LoadJob = {
  url: string;
  tokens: string[];
  requests: (BenchRequest & { expected: string })[];
  /**
   * Sent by every gate before the clock starts and not counted: opens the keep-alive connections and
   * warms this (fresh) process's code, as a gate that has been scanning for a while would be.
   */
  warmup?: (BenchRequest & { expected: string })[];
  mode: "closed" | "rate";
  durationMs: number;
  ratePerSecond?: number;
};

export type LoadResult = {
  sent: number;
  ms: number;
  scansPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  unexpected: number;
  unexpectedSample?: string;
  statuses: Record<string, number>;
  /** This load generator's own CPU time per scan sent (it shares the machine with the server). */
  clientCpuMsPerScan: number;
};

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function run(job: LoadJob): Promise<LoadResult> {
  const pool = keepAlivePool(job.url, job.tokens.length);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let unexpected = 0;
  let unexpectedSample: string | undefined;

  // Every request's bytes are built before the clock starts, as wrk does.
  const build = (rs: LoadJob["requests"]) =>
    rs.map((r, i) =>
      pool.post(
        "/gate/pass/scan",
        { authorization: `Bearer ${job.tokens[i % job.tokens.length]}` },
        JSON.stringify({ pass: r.pass }),
      ),
    );
  const warmupBytes = build(job.warmup ?? []);
  const jobBytes = build(job.requests);

  let requests = job.requests;
  let bytes = jobBytes;
  let recording = true;
  async function scan(i: number, startedAt: number): Promise<void> {
    const r = requests[i]!;
    let got = "?";
    try {
      const res = await pool.send(bytes[i]!);
      if (recording) {
        latencies.push(performance.now() - startedAt);
        statuses[String(res.status)] = (statuses[String(res.status)] ?? 0) + 1;
      }
      try {
        const v = JSON.parse(res.body) as { result: string; reason?: string };
        got = v.result === "ADMIT" ? "ADMIT" : (v.reason ?? "?");
      } catch {
        got = "unreadable";
      }
      if (got !== r.expected) {
        unexpected++;
        unexpectedSample ??= `${r.category}: expected ${r.expected}, got ${got} (HTTP ${res.status})`;
      }
    } catch (err) {
      unexpected++;
      unexpectedSample ??= `${r.category}: ${(err as Error).message}`;
      statuses.error = (statuses.error ?? 0) + 1;
    }
  }

  if (job.warmup?.length) {
    requests = job.warmup;
    bytes = warmupBytes;
    recording = false;
    await Promise.all(
      job.tokens.map(async (_, g) => {
        // Each gate's own session token (i % gates), so every gate's connection is opened.
        for (let k = g; k < requests.length; k += job.tokens.length) await scan(k, performance.now());
      }),
    );
    requests = job.requests;
    bytes = jobBytes;
    recording = true;
  }

  process.stdout.write("START\n"); // the server measures its own use from here to END
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  if (job.mode === "closed") {
    const deadline = started + job.durationMs;
    await Promise.all(
      job.tokens.map(async () => {
        while (next < job.requests.length && performance.now() < deadline) {
          const i = next++;
          await scan(i, performance.now());
        }
      }),
    );
  } else {
    const rate = job.ratePerSecond!;
    const total = Math.min(job.requests.length, Math.floor((rate * job.durationMs) / 1000));
    const inflight: Promise<void>[] = [];
    while (next < total) {
      const now = performance.now();
      // Send everything whose scheduled time has come; latency counts from that time.
      while (next < total && started + (next * 1000) / rate <= now) {
        const i = next++;
        inflight.push(scan(i, started + (i * 1000) / rate));
      }
      await new Promise((r) => setTimeout(r, 1)); // not a busy loop: the server needs the other core
    }
    await Promise.all(inflight);
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  process.stdout.write("END\n");
  pool.close();
  const sorted = Float64Array.from(latencies).sort();
  return {
    sent: latencies.length,
    ms,
    scansPerSecond: (latencies.length / ms) * 1000,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
    unexpected,
    ...(unexpectedSample ? { unexpectedSample } : {}),
    statuses,
    clientCpuMsPerScan: (used.user + used.system) / 1000 / Math.max(1, latencies.length),
  };
}

const job = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as LoadJob;
run(job).then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
