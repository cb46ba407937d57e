/**
 * The rush's load generator, its own process: `gates` scanners POST /gate/pass/scan over
 * keep-alive loopback connections, each taking the next scan of the queue when its last one
 * answered (closed loop: doors are as fast as the gate lets them be). Writes every verdict and
 * latency to the result file (too large for a stdout line at 50,000 tickets).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { keepAlivePool } from "../gate/keep-alive-pool";

export type RushJob = { url: string; tokens: string[]; passes: string[]; resultFile: string };
/** Per scan: "ADMIT", a deny reason, or "HTTP <status>" / "ERROR" when there was no verdict. */
export type RushClientResult = { verdicts: string[]; latenciesMs: number[]; ms: number };

async function run(job: RushJob): Promise<RushClientResult> {
  const pool = keepAlivePool(job.url, job.tokens.length);
  const verdicts: string[] = new Array(job.passes.length);
  const latenciesMs: number[] = new Array(job.passes.length);
  const scan = async (i: number, token: string) => {
    const request = pool.post(
      "/gate/pass/scan",
      { authorization: `Bearer ${token}` },
      JSON.stringify({ pass: job.passes[i] }),
    );
    const started = performance.now();
    try {
      const res = await pool.send(request);
      latenciesMs[i] = performance.now() - started;
      try {
        const v = JSON.parse(res.body) as { result?: string; reason?: string };
        verdicts[i] =
          res.status !== 200
            ? `HTTP ${res.status} ${v.reason ?? ""}`.trim()
            : v.result === "ADMIT"
              ? "ADMIT"
              : (v.reason ?? "?");
      } catch {
        verdicts[i] = `HTTP ${res.status}`;
      }
    } catch (err) {
      latenciesMs[i] = performance.now() - started;
      verdicts[i] = `ERROR ${(err as Error).message}`;
    }
  };
  const started = performance.now();
  let next = 0;
  await Promise.all(
    job.tokens.map(async (token) => {
      while (next < job.passes.length) await scan(next++, token);
    }),
  );
  const ms = performance.now() - started;
  pool.close();
  return { verdicts, latenciesMs, ms };
}

const job = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as RushJob;
run(job).then(
  (result) => {
    writeFileSync(job.resultFile, JSON.stringify(result));
    process.exit(0);
  },
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
