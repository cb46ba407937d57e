import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { repoRoot } from "../../scripts/lib/build-contracts";
import { watchConsole } from "./page-health";

/** `FAIRGATE_CHROMIUM` (set by `npm test` when Chromium is there) or the reason browser suites skip. */
export const chromiumPath = process.env.FAIRGATE_CHROMIUM;
export const chromiumSkipReason =
  process.env.FAIRGATE_CHROMIUM_SKIP ??
  (chromiumPath ? undefined : "browser suites need FAIRGATE_CHROMIUM (npm test sets it)");

if (chromiumSkipReason && process.env.VITEST)
  console.warn(`\n\x1b[33m⚠ Browser tests SKIPPED: ${chromiumSkipReason}\x1b[0m\n`);

/** Where screenshots go (gitignored). */
export const testOutputDir = join(repoRoot, "test-output");

export type LaunchedBrowser = { browser: Browser; close(): Promise<void> };

/**
 * Headless Chromium with a fresh profile, no background traffic, and optionally a fake camera
 * that plays `fakeVideo` (.y4m or .mjpeg) to every getUserMedia call.
 */
export async function launchBrowser(
  options: { fakeVideo?: string; executablePath?: string } = {},
): Promise<LaunchedBrowser> {
  const executablePath = options.executablePath ?? chromiumPath;
  if (!executablePath) throw new Error(chromiumSkipReason);
  // Playwright gives every launch a fresh temporary profile (it refuses --user-data-dir here).
  const args = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ];
  if (options.fakeVideo) {
    args.push(
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${options.fakeVideo}`,
    );
  }
  const browser = await chromium.launch({ executablePath, args, timeout: 60_000 });
  return {
    browser,
    async close() {
      await browser.close().catch(() => {});
    },
  };
}

/** A phone-sized page (the layout must work there), with console errors collected for assertions. */
export async function newPhonePage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  watchConsole(page); // for pageProblems (page-health.ts)
  return { page, errors };
}

/** Saves a full-page screenshot as test-output/`name`.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(testOutputDir, { recursive: true });
  await page.screenshot({ path: join(testOutputDir, `${name}.png`), fullPage: true });
}
