/**
 * App benchmark on the production build, in headless Chromium over loopback: first-load
 * JavaScript (gzipped) of the pass page and the gate scanner page, and the time from navigation
 * to a visible pass QR (delegation already on the phone, as after a reload). The fan home page,
 * measured in the same run, is the baseline for the ratios. Writes benchmarks/app-pages.{md,json}.
 *
 * Run: npx tsx scripts/bench/app-pages.ts   (needs Chromium: FAIRGATE_CHROMIUM or /usr/bin/chromium)
 */
import { writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { createTieredDemoEvent } from "../demo-tiered-event";
import { repoRoot } from "../lib/build-contracts";
import { launchBrowser } from "../../test/helpers/browser";
import { startLocalStack } from "../../test/helpers/local-stack";
import { freePort, startApp } from "../../test/helpers/next-app";
import { installTestWallet, TEST_WALLET_RDNS } from "../../test/helpers/test-wallet";

const chromium = process.env.FAIRGATE_CHROMIUM ?? "/usr/bin/chromium";
const RUNS = 5;
const TARGET_PASS_JS_KB = 250;
const TARGET_QR_MS = 1000;

/**
 * Waits until no request but long-lived event streams (the indexer's `/stream`, a queue entry's
 * stream) has been in flight for 500 ms, at most 30 s. Playwright's "networkidle" never fires on a
 * page that holds a Server-Sent Events connection open.
 */
async function quiet(page: Page): Promise<void> {
  const inFlight = new Set<import("playwright-core").Request>();
  const isStream = (r: import("playwright-core").Request) => new URL(r.url()).pathname.endsWith("/stream");
  const onRequest = (r: import("playwright-core").Request) => void (!isStream(r) && inFlight.add(r));
  const onDone = (r: import("playwright-core").Request) => void inFlight.delete(r);
  page.on("request", onRequest);
  page.on("requestfinished", onDone);
  page.on("requestfailed", onDone);
  try {
    const deadline = Date.now() + 30_000;
    let quietSince = Date.now();
    while (Date.now() < deadline) {
      if (inFlight.size > 0) quietSince = Date.now();
      else if (Date.now() - quietSince >= 500) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    page.off("request", onRequest);
    page.off("requestfinished", onDone);
    page.off("requestfailed", onDone);
  }
}

/** Gzipped bytes of every script the page loaded from the app's own origin. */
async function firstLoadJs(page: Page, url: string): Promise<number> {
  const bodies: Promise<Buffer>[] = [];
  const listener = (response: import("playwright-core").Response) => {
    if (response.request().resourceType() === "script" && response.url().startsWith(new URL(url).origin))
      bodies.push(response.body());
  };
  page.on("response", listener);
  await page.goto(url, { waitUntil: "load" });
  await quiet(page);
  page.off("response", listener);
  const all = await Promise.all(bodies);
  return all.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The 1-minute load average, printed beside the numbers: the machine is shared. */
const load1 = () => loadavg()[0]!.toFixed(2);

async function main() {
  const loadAtStart = load1();
  const port = await freePort();
  const stack = await startLocalStack({ siweDomain: `127.0.0.1:${port}` });
  const launched = await launchBrowser({ executablePath: chromium });
  try {
    const tiered = await createTieredDemoEvent({ rpcUrl: stack.rpcUrl, factory: stack.factory });
    const appUrl = await startApp(stack.group, { ...stack, port });
    const holder = tiered.buyer.account;
    const tokenId = tiered.buyer.tokenIds[0]!;
    const passPath = `/tickets/${tiered.ticket}/${tokenId}/pass`;

    const js = async (path: string) => {
      const context = await launched.browser.newContext();
      const page = await context.newPage();
      const bytes = await firstLoadJs(page, `${appUrl}${path}`);
      await context.close();
      return bytes;
    };
    const baselineJs = await js("/");
    const passJs = await js(passPath);
    const gateJs = await js("/gate");

    // Time to a visible QR: one context keeps the device key and delegation, each run a fresh navigation.
    const context = await launched.browser.newContext({ viewport: { width: 390, height: 844 } });
    await installTestWallet(context, { rpcUrl: stack.rpcUrl, account: holder });
    const page = await context.newPage();
    await page.goto(`${appUrl}${passPath}`);
    await page.getByTestId(`connect-${TEST_WALLET_RDNS}`).click();
    await page.getByTestId("pass-delegate").click();
    await page.locator('[data-testid="pass-qr"]:not([data-slot=""])').waitFor({ timeout: 30_000 });
    const qr: number[] = [];
    const home: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const started = Date.now();
      await page.goto(`${appUrl}${passPath}`);
      await page.locator('[data-testid="pass-qr"]:not([data-slot=""])').waitFor({ state: "visible", timeout: 10_000 });
      qr.push(Date.now() - started);
      const homeStarted = Date.now();
      await page.goto(`${appUrl}/`);
      await page.getByTestId("indexer-status").waitFor({ state: "visible", timeout: 10_000 });
      home.push(Date.now() - homeStarted);
    }
    await context.close();

    const kb = (b: number) => (b / 1024).toFixed(1);
    const rows = [
      ["fan home / (baseline)", `${kb(baselineJs)} kB`, "1.00", "", "", ""],
      [
        "pass page",
        `${kb(passJs)} kB`,
        (passJs / baselineJs).toFixed(2),
        `≤ ${TARGET_PASS_JS_KB} kB`,
        passJs / 1024 <= TARGET_PASS_JS_KB ? "met" : "MISSED",
        "",
      ],
      ["gate scanner page", `${kb(gateJs)} kB`, (gateJs / baselineJs).toFixed(2), "", "", ""],
      [
        "navigation → visible QR (median of 5)",
        `${median(qr)} ms`,
        (median(qr) / median(home)).toFixed(2),
        `≤ ${TARGET_QR_MS} ms`,
        median(qr) <= TARGET_QR_MS ? "met" : "MISSED",
        `runs ${qr.join(", ")}; home page visible median ${median(home)} ms (baseline)`,
      ],
    ];
    const table = [
      "| measure | value | ratio to baseline | target | | notes |",
      "| --- | --- | --- | --- | --- | --- |",
      ...rows.map((r) => `| ${r.join(" | ")} |`),
    ].join("\n");
    const loadAtEnd = load1();
    const loadLine = `Load average (1 min) during the run: ${loadAtStart} at start, ${loadAtEnd} at the end (2 cores, shared).`;
    console.log(`\n${table}\n\n${loadLine}\n`);
    const md = `# App pages benchmark\n\nProduction build (\`next build\`, Turbopack), \`next start\` and headless Chromium on loopback, on the same machine in one run.\nFirst-load JS = gzip -9 of every script the page loads from the app origin. Baseline: the fan home page.\nRegenerate: \`npx tsx scripts/bench/app-pages.ts\`.\n\n${table}\n\n${loadLine}\n`;
    await writeFile(join(repoRoot, "benchmarks", "app-pages.md"), md);
    await writeFile(
      join(repoRoot, "benchmarks", "app-pages.json"),
      `${JSON.stringify(
        {
          measuredAt: new Date().toISOString(),
          loadAverage1m: { start: Number(loadAtStart), end: Number(loadAtEnd) },
          firstLoadJsGzipBytes: { home: baselineJs, pass: passJs, gate: gateJs },
          qrVisibleMs: qr,
          homeVisibleMs: home,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    await launched.close();
    await stack.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
