import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect } from "vitest";
import { createTieredDemoEvent, type TieredDemoEvent } from "../../scripts/demo-tiered-event";
import { launchBrowser, newPhonePage, type LaunchedBrowser } from "./browser";
import { startLocalStack, type LocalStack } from "./local-stack";
import { freePort, startApp } from "./next-app";
import { installTestWallet, TEST_WALLET_RDNS, type TestWallet } from "./test-wallet";

export const PHONE = { width: 390, height: 844 };

export type BrowserStack = LocalStack & {
  appUrl: string;
  tiered: TieredDemoEvent;
  launched: LaunchedBrowser;
  browser: Browser;
  /** A phone-sized page whose injected wallet is `account`, already connected on `path`. */
  openAs(
    account: `0x${string}`,
    path: string,
  ): Promise<{ context: BrowserContext; page: Page; wallet: TestWallet; errors: string[] }>;
  close(): Promise<void>;
};

/** Chain + deploy + demo events + indexer + production app + Chromium, on free loopback ports. */
export async function startBrowserStack(
  options: { fakeVideo?: string; indexerEnv?: Record<string, string> } = {},
): Promise<BrowserStack> {
  const port = await freePort();
  const stack = await startLocalStack({
    siweDomain: `127.0.0.1:${port}`,
    ...(options.indexerEnv ? { indexerEnv: options.indexerEnv } : {}),
  });
  try {
    const tiered = await createTieredDemoEvent({ rpcUrl: stack.rpcUrl, factory: stack.factory });
    const appUrl = await startApp(stack.group, { ...stack, port });
    const launched = await launchBrowser(options);
    return {
      ...stack,
      appUrl,
      tiered,
      launched,
      browser: launched.browser,
      async openAs(account, path) {
        const context = await launched.browser.newContext({ viewport: PHONE });
        const wallet = await installTestWallet(context, { rpcUrl: stack.rpcUrl, account });
        const { page, errors } = await newPhonePage(context);
        page.setDefaultTimeout(20_000);
        await page.goto(`${appUrl}${path}`);
        const connect = page.getByTestId(`connect-${TEST_WALLET_RDNS}`);
        await connect.click();
        // Connected: the wallet was asked for accounts and the connect button is gone (pages show the address differently).
        await connect.waitFor({ state: "detached", timeout: 15_000 });
        expect(wallet.requests.some((r) => r.method === "eth_requestAccounts")).toBe(true);
        return { context, page, wallet, errors };
      },
      async close() {
        await launched.close();
        await stack.stop();
      },
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/**
 * Runs `action` (the click that sends) and waits for the TxStatus `testId` to settle on a new
 * attempt (confirmed or failed), so the outcome of an earlier transaction is never mistaken for it.
 */
export async function settledTx(
  page: Page,
  testId: string,
  action: () => Promise<unknown>,
  within?: string,
): Promise<{ status: string; code: string | null; text: string }> {
  const root = within ? page.locator(within) : page;
  const el = root.getByTestId(testId);
  const before = (await el.count()) > 0 ? Number(await el.getAttribute("data-attempt")) : 0;
  await action();
  let last: { attempt: number; status: string; code: string | null; text: string } | null = null;
  await expect
    .poll(
      async () => {
        last =
          (await el.count()) > 0
            ? await el.evaluate((e: HTMLElement) => ({
                attempt: Number(e.dataset.attempt),
                status: e.dataset.status ?? "",
                code: e.dataset.errorCode ?? null,
                text: e.innerText,
              }))
            : null;
        return last !== null && last.attempt > before && (last.status === "confirmed" || last.status === "failed");
      },
      { timeout: 30_000, interval: 100 },
    )
    .toBe(true);
  const { status, code, text } = last!;
  return { status, code, text };
}
