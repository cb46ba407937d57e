/**
 * App benchmark on the production build, in headless Chromium over loopback: first-load
 * JavaScript (gzipped) of the pass page and the gate scanner page, and the time from navigation
 * to a visible pass QR (delegation already on the phone, as after a reload). The fan home page,
 * measured in the same run, is the baseline for the ratios. Writes benchmarks/app-pages.{md,json}.
 *
 * Run: npx tsx scripts/bench/app-pages.ts   (needs Chromium: FAIRGATE_CHROMIUM or /usr/bin/chromium)
 */
import { writeFile } from "node:fs/promises";
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

/** Gzipped bytes of every script the page loaded from the app's own origin. */
async function firstLoadJs(page: Page, url: string): Promise<number> {
  const bodies: Promise<Buffer>[] = [];
  const listener = (response: import("playwright-core").Response) => {
    if (response.request().resourceType() === "script" && response.url().startsWith(new URL(url).origin)) bodies.push(response.body());
  };
  page.on("response", listener);
  await page.goto(url, { waitUntil: "networkidle" });
  page.off("response", listener);
  const all = await Promise.all(bodies);
  return all.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
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
      ["pass page", `${kb(passJs)} kB`, (passJs / baselineJs).toFixed(2), `≤ ${TARGET_PASS_JS_KB} kB`, passJs / 1024 <= TARGET_PASS_JS_KB ? "met" : "MISSED", ""],
      ["gate scanner page", `${kb(gateJs)} kB`, (gateJs / baselineJs).toFixed(2), "", "", ""],
      ["navigation → visible QR (median of 5)", `${median(qr)} ms`, (median(qr) / median(home)).toFixed(2), `≤ ${TARGET_QR_MS} ms`, median(qr) <= TARGET_QR_MS ? "met" : "MISSED", `runs ${qr.join(", ")}; home page visible median ${median(home)} ms (baseline)`],
    ];
    const table = [
      "| measure | value | ratio to baseline | target | | notes |",
      "| --- | --- | --- | --- | --- | --- |",
      ...rows.map((r) => `| ${r.join(" | ")} |`),
    ].join("\n");
    console.log(`\n${table}\n`);
    const md = `# App pages benchmark\n\nProduction build (\`next build\`, Turbopack), \`next start\` and headless Chromium on loopback, on the same machine in one run.\nFirst-load JS = gzip -9 of every script the page loads from the app origin. Baseline: the fan home page.\nRegenerate: \`npx tsx scripts/bench/app-pages.ts\`.\n\n${table}\n`;
    await writeFile(join(repoRoot, "benchmarks", "app-pages.md"), md);
    await writeFile(
      join(repoRoot, "benchmarks", "app-pages.json"),
      JSON.stringify({ measuredAt: new Date().toISOString(), firstLoadJsGzipBytes: { home: baselineJs, pass: passJs, gate: gateJs }, qrVisibleMs: qr, homeVisibleMs: home }, null, 2) + "\n",
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
