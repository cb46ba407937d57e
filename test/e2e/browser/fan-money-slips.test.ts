/**
 * Money can no longer be lost by a slip (issue 20, item 3), and every purchase has a receipt (item 10),
 * in a real browser at phone and desktop sizes: typing "3" over the default 1 buys 3 (not 13), "0" is
 * refused instead of buying 1, a resale says what the seller receives after the royalty and refuses an
 * unchosen 0 before the wallet opens; the primary sale and the resale buy each link to /orders/<txHash>,
 * whose gas is the receipt's gasUsed × effectiveGasPrice.
 */
import { formatEther, type Hash } from "viem";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { localClients } from "../../../scripts/lib/local-clients";
import { chromiumSkipReason, screenshot } from "../../helpers/browser";
import { settledTx, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";

const FAN = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65"; // account #4
const SECOND_FAN = "0x90F79bf6EB2c4f870365E785982E1f101E93b906"; // account #3
const DESKTOP = { width: 1280, height: 900 };

/** Screenshots at the phone size the page opened with, then at a desktop size. */
async function bothSizes(page: Page, name: string) {
  await screenshot(page, `${name}-phone`);
  const phone = page.viewportSize()!;
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(phone);
}

/** The receipt page's figures, checked against the chain's own receipt. */
async function expectReceipt(s: BrowserStack, page: Page, kind: string) {
  const order = page.locator(`[data-testid="order"][data-kind="${kind}"]`);
  await order.waitFor({ timeout: 30_000 });
  const hash = (await order.getAttribute("data-tx")) as Hash;
  const { publicClient } = await localClients(s.rpcUrl);
  const receipt = await publicClient.getTransactionReceipt({ hash });
  expect(await page.getByTestId("order-gas").innerText()).toContain(
    `${formatEther(receipt.gasUsed * receipt.effectiveGasPrice)} ETH`,
  );
  expect(await page.getByTestId("order-tx").innerText()).toBe(hash);
  expect(await page.getByTestId("order-event").innerText()).toContain(s.tiered.name);
  return { order, hash };
}

describe.skipIf(chromiumSkipReason)("browser: no money lost by a slip; a receipt after each purchase", () => {
  let s: BrowserStack;
  let tokenId: string;

  beforeAll(async () => {
    s = await startBrowserStack();
  });
  afterAll(async () => {
    await s?.close();
  });

  it("typing 3 over the default 1 buys 3; 0 and a slipped 13 are refused in words; the receipt follows", async () => {
    const { page, context, errors, wallet } = await s.openAs(FAN, `/events/${s.tiered.ticket}`);
    const general = page.locator('[data-testid="tier-card"][data-tier="0"]');
    const quantity = general.getByTestId("buy-quantity");
    const buy = general.getByTestId("buy-tier");
    await expect.poll(() => buy.innerText()).toBe("Buy 1 for 0.05 ETH");
    expect(await quantity.inputValue()).toBe("1");

    // The slip that bought 13: a tap on the field and "3" now replace the default 1 (the text is selected on focus).
    await quantity.click();
    await page.keyboard.type("3");
    expect(await quantity.inputValue()).toBe("3");
    await expect.poll(() => buy.innerText()).toBe("Buy 3 for 0.15 ETH");

    // "0" never silently becomes 1: refused, and the button cannot send.
    await quantity.fill("0");
    expect(await general.getByTestId("buy-quantity-problem").innerText()).toBe("Choose at least 1 ticket.");
    expect(await buy.isDisabled()).toBe(true);

    // A digit typed after the 1 is over the wallet cap: refused with the cap in words.
    await quantity.fill("13");
    expect(await general.getByTestId("buy-quantity-problem").innerText()).toBe(
      "You can buy at most 4 (at most 4 per wallet).",
    );
    expect(await buy.isDisabled()).toBe(true);
    await bothSizes(page, "fan-quantity-refused");

    await quantity.fill("3");
    await expect.poll(() => buy.innerText()).toBe("Buy 3 for 0.15 ETH");
    expect(wallet.prompts()).toEqual([]);
    const bought = await settledTx(page, "tx-status", () => buy.click(), '[data-testid="tier-card"][data-tier="0"]');
    expect(bought).toMatchObject({ status: "confirmed" });
    const { publicClient } = await localClients(s.rpcUrl);
    expect(
      await publicClient.readContract({
        address: s.tiered.ticket,
        abi: eventTicketAbi,
        functionName: "balanceOf",
        args: [FAN],
      }),
    ).toBe(3n);

    // The receipt: three tickets of tier 0 at 0.15 ETH, no fees, the gas the chain charged.
    await general.getByTestId("tx-status-receipt").click();
    const { order } = await expectReceipt(s, page, "primary");
    expect(await page.getByTestId("order-what").innerText()).toBe("3 tickets · Tier 0");
    expect(await page.getByTestId("order-price").innerText()).toBe("0.15 ETH");
    expect(await page.getByTestId("order-fees").innerText()).toMatch(/^None/);
    expect(await order.getByTestId("order-ticket").count()).toBe(3);
    tokenId = (await order.getByTestId("order-ticket").first().getAttribute("data-token-id"))!;
    await bothSizes(page, "fan-receipt-primary");

    // The same receipt by URL later, in a fresh page.
    await page.goto(`${s.appUrl}/orders/${await order.getAttribute("data-tx")}`);
    await expectReceipt(s, page, "primary");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a resale says what the seller receives after the royalty, and refuses an unchosen 0 before the wallet opens", async () => {
    const { page, context, wallet, errors } = await s.openAs(FAN, `/tickets/${s.tiered.ticket}/${tokenId}`);
    const price = page.getByTestId("resell-price");
    await price.fill("0.06");
    expect(await page.getByTestId("resell-proceeds").innerText()).toBe(
      "You receive 0.057 ETH after 0.003 ETH royalty (5% to the organizer).",
    );
    await price.fill("0");
    expect(await page.getByTestId("resell-proceeds").innerText()).toContain(
      "A price of 0 gives this 0.05 ETH ticket away",
    );
    const refused = await settledTx(page, "resell-status", () => page.getByTestId("resell-submit").click());
    expect(refused).toMatchObject({ status: "failed", code: "PRICE_ZERO_NOT_CHOSEN" });
    await price.fill("0.07");
    expect(await page.getByTestId("resell-proceeds").innerText()).toContain("resale cap of 0.06 ETH");
    expect(wallet.prompts()).toEqual([]);
    await bothSizes(page, "fan-resell-proceeds-refused");

    await price.fill("0.06");
    await page.getByTestId("resell-submit").click();
    await page
      .locator('[data-testid="resell-status"][data-status="confirmed"]')
      .filter({ hasText: "Listing" })
      .waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByTestId("listed-price").innerText())
      .toBe("Listed for 0.06 ETH. You receive 0.057 ETH after 0.003 ETH royalty (5% to the organizer).");
    await bothSizes(page, "fan-resell-listed-proceeds");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("buying the resale links to a receipt naming the royalty inside the price", async () => {
    const { page, context, errors } = await s.openAs(SECOND_FAN, `/events/${s.tiered.ticket}`);
    const listing = page.locator(`[data-testid="listing"][data-token-id="${tokenId}"]`);
    expect(await settledTx(page, "listing-tx-status", () => listing.getByTestId("buy-listing").click())).toMatchObject({
      status: "confirmed",
    });
    await page.getByTestId("listing-tx-status-receipt").click();
    await expectReceipt(s, page, "resale");
    expect(await page.getByTestId("order-price").innerText()).toBe("0.06 ETH");
    expect(await page.getByTestId("order-fees").innerText()).toBe(
      "0.003 ETH royalty to the organizer (5%), included in the price; the seller received 0.057 ETH",
    );
    await expect.poll(() => page.getByTestId("order-what").innerText()).toBe("Resale ticket from 0x15d3…6A65 · Tier 0");
    await bothSizes(page, "fan-receipt-resale");
    expect(errors).toEqual([]);
    await context.close();
  });
});
