/**
 * Reserved-seating benchmark on the production build, in headless Chromium over loopback:
 * - first render of the seat map (navigation → first frame drawn) for a 50,000-seat stadium, with
 *   a 5,000-seat hall measured in the same run as the baseline;
 * - frame time while panning the stadium (requestAnimationFrame deltas during a scripted drag);
 * - propagation: a seat bought on chain (by another wallet) → the seat turns sold on an open map,
 *   timed from the block (polled every 5 ms) to the map's change.
 * Targets (issue #11): first render ≤ 1.5 s, propagation ≤ 1 s. Writes benchmarks/seating.{md,json}.
 *
 * Run: npm run bench:seats   (needs Chromium: FAIRGATE_CHROMIUM or /usr/bin/chromium)
 */
import { writeFile } from "node:fs/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { eventTicketAbi } from "../../lib/generated/abis";
import { generateVenue } from "../../lib/seating/generate-venue";
import { parseVenueLayout } from "../../lib/seating/parse-layout";
import { launchBrowser } from "../../test/helpers/browser";
import { startLocalStack } from "../../test/helpers/local-stack";
import { freePort, startApp } from "../../test/helpers/next-app";
import { createSeatedDemoEvent, uploadSeatedDemoVenue } from "../demo-seated-event";
import { repoRoot } from "../lib/build-contracts";
import { localClients } from "../lib/local-clients";
import { waitFor } from "../lib/wait";

const chromium = process.env.FAIRGATE_CHROMIUM ?? "/usr/bin/chromium";
const RENDER_RUNS = 5;
const PROPAGATION_RUNS = 6;
const TARGET_RENDER_MS = 1_500;
const TARGET_PROPAGATION_MS = 1_000;
const STADIUM = generateVenue({ name: "Bench Stadium", sections: 40, rows: 50, seatsPerRow: 20, tiers: 3 });
const HALL = generateVenue({ name: "Bench Hall", sections: 10, rows: 20, seatsPerRow: 20, tiers: 3 });

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))]!;
const median = (xs: number[]) => pct(xs, 0.5);
const load1 = () => loadavg()[0]!.toFixed(2);

/** Navigation → the canvas's first drawn frame with every seat of the venue. */
async function firstRender(page: Page, url: string, seats: number): Promise<number> {
  const started = Date.now();
  await page.goto(url);
  await page.locator(`[data-testid="seat-canvas"][data-seats="${seats}"][data-frames]`).waitFor({ timeout: 60_000 });
  return Date.now() - started;
}

/** Drags the map around for ~2 s and returns the gaps between animation frames (ms). */
async function panFrames(page: Page): Promise<number[]> {
  const canvas = page.getByTestId("seat-canvas");
  const box = (await canvas.boundingBox())!;
  // A string, not a function: tsx's name helpers do not exist inside the page.
  await page.evaluate(`(() => {
    window.__frames = [];
    window.__stop = false;
    const tick = (t) => { window.__frames.push(t); if (!window.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 0; i < 120; i++) {
    const a = (i / 120) * Math.PI * 4;
    await page.mouse.move(cx + Math.cos(a) * box.width * 0.3, cy + Math.sin(a) * box.height * 0.3, { steps: 1 });
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
  const stamps = (await page.evaluate("(() => { window.__stop = true; return window.__frames; })()")) as number[];
  return stamps.slice(1).map((t, i) => t - stamps[i]!);
}

async function main() {
  const loadAtStart = load1();
  const port = await freePort();
  const stack = await startLocalStack({ siweDomain: `127.0.0.1:${port}` });
  const launched = await launchBrowser({ executablePath: chromium });
  try {
    const appHost = `127.0.0.1:${port}`;
    const stadium = await createSeatedDemoEvent({
      rpcUrl: stack.rpcUrl,
      factory: stack.factory,
      name: "Bench Stadium Night",
      layout: STADIUM,
    });
    const hall = await createSeatedDemoEvent({
      rpcUrl: stack.rpcUrl,
      factory: stack.factory,
      name: "Bench Hall Night",
      layout: HALL,
    });
    const { publicClient, accounts, wallet } = await localClients(stack.rpcUrl);
    const head = await publicClient.getBlockNumber();
    await waitFor(
      "the indexer at the events' blocks",
      async () =>
        (((await (await fetch(`${stack.indexerUrl}/health`)).json()) as { indexedBlock?: number }).indexedBlock ?? 0) >=
        Number(head)
          ? true
          : undefined,
      { timeoutMs: 60_000 },
    );
    await uploadSeatedDemoVenue({
      rpcUrl: stack.rpcUrl,
      indexerUrl: stack.indexerUrl,
      appHost,
      ticket: stadium.ticket,
      layout: STADIUM,
    });
    await uploadSeatedDemoVenue({
      rpcUrl: stack.rpcUrl,
      indexerUrl: stack.indexerUrl,
      appHost,
      ticket: hall.ticket,
      layout: HALL,
    });
    const appUrl = await startApp(stack.group, { ...stack, port });

    const context = await launched.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Warm the route once (compiled chunks, fonts), as a returning visitor's cache would be.
    await firstRender(page, `${appUrl}/events/${hall.ticket}/seats`, hall.seats);
    const renderHall: number[] = [];
    const renderStadium: number[] = [];
    for (let i = 0; i < RENDER_RUNS; i++) {
      renderHall.push(await firstRender(page, `${appUrl}/events/${hall.ticket}/seats`, hall.seats));
      renderStadium.push(await firstRender(page, `${appUrl}/events/${stadium.ticket}/seats`, stadium.seats));
    }
    const frames = await panFrames(page);

    // Propagation: another wallet buys one seat at a time; this page shows it sold.
    await page.locator('[data-testid="seat-picker"][data-live="true"]').waitFor({ timeout: 30_000 });
    const venue = parseVenueLayout(STADIUM);
    const buyer = accounts[2]!;
    const face = (
      await publicClient.readContract({ address: stadium.ticket, abi: eventTicketAbi, functionName: "tier", args: [2] })
    ).faceValue;
    const backSeats = venue.seats.filter((s) => s.tier === 2).slice(-PROPAGATION_RUNS);
    const propagation: number[] = [];
    for (const seat of backSeats) {
      const soldBefore = Number(await page.getByTestId("seat-picker").getAttribute("data-sold"));
      const before = await publicClient.getBlockNumber();
      await wallet(buyer).writeContract({
        address: stadium.ticket,
        abi: eventTicketAbi,
        functionName: "buySeats",
        args: [2, [seat.tierSeat]],
        value: face,
      });
      let minedAt = 0;
      for (let i = 0; i < 2_000 && !minedAt; i++) {
        if ((await publicClient.getBlockNumber()) > before) minedAt = Date.now();
        else await new Promise((r) => setTimeout(r, 5));
      }
      await page.locator(`[data-testid="seat-picker"][data-sold="${soldBefore + 1}"]`).waitFor({ timeout: 30_000 });
      propagation.push(Date.now() - minedAt);
      await new Promise((r) => setTimeout(r, 300));
    }
    await context.close();

    const rows = [
      [
        `first render, ${hall.seats.toLocaleString("en")}-seat hall (baseline, median of ${RENDER_RUNS})`,
        `${median(renderHall)} ms`,
        "1.00",
        "",
        "",
        `runs ${renderHall.join(", ")}`,
      ],
      [
        `first render, ${stadium.seats.toLocaleString("en")}-seat stadium (median of ${RENDER_RUNS})`,
        `${median(renderStadium)} ms`,
        (median(renderStadium) / median(renderHall)).toFixed(2),
        `≤ ${TARGET_RENDER_MS} ms`,
        median(renderStadium) <= TARGET_RENDER_MS ? "met" : "MISSED",
        `runs ${renderStadium.join(", ")}`,
      ],
      [
        "frame time while panning the stadium (p50 / p95 / max)",
        `${median(frames).toFixed(1)} / ${pct(frames, 0.95).toFixed(1)} / ${Math.max(...frames).toFixed(1)} ms`,
        (median(frames) / (1000 / 60)).toFixed(2),
        "",
        "",
        `${frames.length} frames; ratio to a 60 Hz frame (16.7 ms)`,
      ],
      [
        `purchase block → seat sold on another map (p50 / max of ${PROPAGATION_RUNS})`,
        `${median(propagation)} / ${Math.max(...propagation)} ms`,
        "",
        `≤ ${TARGET_PROPAGATION_MS} ms`,
        Math.max(...propagation) <= TARGET_PROPAGATION_MS ? "met" : "MISSED",
        `runs ${propagation.join(", ")}`,
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
    const md = `# Reserved seating benchmark\n\nProduction build (\`next build\`), \`next start\`, the indexer and a Hardhat node, headless Chromium (1280×900) on loopback, one run.\nFirst render: navigation to the seat page → first frame drawn with every seat. Propagation: another wallet's \`buySeats\` block (chain polled every 5 ms) → the open map counts the seat sold (seat stream notice, then \`/seats/status\`).\nRegenerate: \`npm run bench:seats\`.\n\n${table}\n\n${loadLine}\n`;
    await writeFile(join(repoRoot, "benchmarks", "seating.md"), md);
    await writeFile(
      join(repoRoot, "benchmarks", "seating.json"),
      `${JSON.stringify(
        {
          measuredAt: new Date().toISOString(),
          loadAverage1m: { start: Number(loadAtStart), end: Number(loadAtEnd) },
          seats: { hall: hall.seats, stadium: stadium.seats },
          firstRenderMs: { hall: renderHall, stadium: renderStadium },
          panFrameMs: frames.map((f) => Math.round(f * 10) / 10),
          propagationMs: propagation,
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
