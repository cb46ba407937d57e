/**
 * The fan's ticket list in a real browser: the injected test wallet connects through the
 * EIP-6963 picker and the page shows the tickets the demo event minted to it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext } from "playwright-core";
import {
  chromiumSkipReason,
  launchBrowser,
  newPhonePage,
  screenshot,
  type LaunchedBrowser,
} from "../../helpers/browser";
import { startLocalStack, type LocalStack } from "../../helpers/local-stack";
import { freePort, startApp } from "../../helpers/next-app";
import { installTestWallet, TEST_WALLET_RDNS } from "../../helpers/test-wallet";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { localClients } from "../../../scripts/lib/local-clients";
import { ORGANIZER_CHANNEL } from "../../../lib/channels";

const PHONE = { width: 390, height: 844 };

describe.skipIf(chromiumSkipReason)("browser: my tickets", () => {
  let stack: LocalStack;
  let appUrl: string;
  let launched: LaunchedBrowser;
  let context: BrowserContext;

  beforeAll(async () => {
    const port = await freePort();
    stack = await startLocalStack({ siweDomain: `127.0.0.1:${port}` });
    appUrl = await startApp(stack.group, { ...stack, port });
    launched = await launchBrowser();
  });

  afterAll(async () => {
    await launched?.close();
    await stack?.stop();
  });

  it("connects the injected wallet and lists the holder's tickets on a phone-sized screen", async () => {
    const holder = stack.demo.holders[0]!;
    context = await launched.browser.newContext({ viewport: PHONE });
    const wallet = await installTestWallet(context, { rpcUrl: stack.rpcUrl, account: holder.account });
    const { page, errors } = await newPhonePage(context);
    await page.goto(appUrl);
    await page.getByTestId(`connect-${TEST_WALLET_RDNS}`).click();
    await expect
      .poll(() => page.getByTestId("connected-address").getAttribute("title"), { timeout: 15_000 })
      .toBe(holder.account);
    await page.getByTestId("ticket-list").waitFor({ timeout: 15_000 });
    const ids = await page
      .getByTestId("ticket-card")
      .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-token-id")));
    expect(ids.sort()).toEqual(holder.tokenIds.map(String).sort());
    // No horizontal scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, "fan-my-tickets");
    expect(wallet.requests.some((r) => r.method === "eth_requestAccounts")).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the empty state for a wallet without tickets", async () => {
    context = await launched.browser.newContext({ viewport: PHONE });
    await installTestWallet(context, { rpcUrl: stack.rpcUrl, account: "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65" });
    const { page } = await newPhonePage(context);
    await page.goto(appUrl);
    await page.getByTestId(`connect-${TEST_WALLET_RDNS}`).click();
    await page.getByTestId("tickets-empty").waitFor({ timeout: 15_000 });
    await screenshot(page, "fan-my-tickets-empty");
    await context.close();
  });

  it("refreshes from the indexer's change stream: a new ticket appears without polling or a reload", async () => {
    const fan = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc"; // account #5: no tickets yet
    context = await launched.browser.newContext({ viewport: PHONE });
    await installTestWallet(context, { rpcUrl: stack.rpcUrl, account: fan });
    const { page, errors } = await newPhonePage(context);
    await page.goto(appUrl);
    await page.getByTestId(`connect-${TEST_WALLET_RDNS}`).click();
    await page.getByTestId("tickets-empty").waitFor({ timeout: 15_000 });
    await expect
      .poll(() => page.getByTestId("indexer-status").getAttribute("data-live"), { timeout: 15_000 })
      .toBe("true");

    // Idle and live: the page does not poll the ticket list.
    const ticketRequests: string[] = [];
    page.on("request", (r) => {
      if (new URL(r.url()).pathname === "/tickets") ticketRequests.push(r.url());
    });
    await new Promise((r) => setTimeout(r, 6_000));
    expect(ticketRequests).toEqual([]);

    // The organizer mints to the fan from a script; the list updates by itself.
    const { publicClient, accounts, wallet } = await localClients(stack.rpcUrl);
    const hash = await wallet(accounts[0]!).writeContract({
      address: stack.demo.ticket,
      abi: eventTicketAbi,
      functionName: "mintTier",
      args: [0, ORGANIZER_CHANNEL, [fan]],
    });
    await publicClient.waitForTransactionReceipt({ hash });
    await page.getByTestId("ticket-card").waitFor({ timeout: 15_000 });
    expect(ticketRequests.length).toBeGreaterThanOrEqual(1);
    expect(await page.getByTestId("ticket-card").count()).toBe(1);
    await screenshot(page, "fan-my-tickets-live");
    expect(errors).toEqual([]);
    await context.close();
  });
});
