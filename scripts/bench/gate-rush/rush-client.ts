/**
 * The rush's load generator, its own process: `gates` scanners POST /gate/pass/scan over
 * keep-alive loopback connections, each taking the next scan of the queue when its last one
 * answered (closed loop: doors are as fast as the gate lets them be). Writes every verdict and
 * latency to the result file (too large for a stdout line at 50,000 tickets).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";

export type RushJob = { url: string; tokens: string[]; passes: string[]; resultFile: string };
/** Per scan: "ADMIT", a deny reason, or "HTTP <status>" / "ERROR" when there was no verdict. */
export type RushClientResult = { verdicts: string[]; latenciesMs: number[]; ms: number };

async function run(job: RushJob): Promise<RushClientResult> {
  const target = new URL("/gate/pass/scan", job.url);
  const agent = new Agent({ keepAlive: true, maxSockets: job.tokens.length });
  const verdicts: string[] = new Array(job.passes.length);
  const latenciesMs: number[] = new Array(job.passes.length);
  const scan = (i: number, token: string) =>
    new Promise<void>((resolve) => {
      const body = JSON.stringify({ pass: job.passes[i] });
      const started = performance.now();
      const req = request(target, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: `Bearer ${token}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          latenciesMs[i] = performance.now() - started;
          try {
            const v = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { result?: string; reason?: string };
            verdicts[i] = res.statusCode !== 200 ? `HTTP ${res.statusCode} ${v.reason ?? ""}`.trim() : v.result === "ADMIT" ? "ADMIT" : (v.reason ?? "?");
          } catch {
            verdicts[i] = `HTTP ${res.statusCode}`;
          }
          resolve();
        });
      });
      req.on("error", (err: NodeJS.ErrnoException) => {
        latenciesMs[i] = performance.now() - started;
        verdicts[i] = `ERROR ${err.code ?? err.message}`;
        resolve();
      });
      req.end(body);
    });
  const started = performance.now();
  let next = 0;
  await Promise.all(
    job.tokens.map(async (token) => {
      while (next < job.passes.length) await scan(next++, token);
    }),
  );
  const ms = performance.now() - started;
  agent.destroy();
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
