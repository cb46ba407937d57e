/**
 * The public ticket check in a real browser, with no wallet at all: paste a ticket id, see it is
 * genuine with its holder and cap; paste nonsense, get a reason; an unknown ticket says "do not pay".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumSkipReason, newPhonePage, screenshot } from "../../helpers/browser";
import { PHONE, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";

describe.skipIf(chromiumSkipReason)("browser: public ticket check", () => {
  let s: BrowserStack;

  beforeAll(async () => {
    s = await startBrowserStack();
  });
  afterAll(async () => {
    await s?.close();
  });

  it("checks a pasted ticket id, a bad input and an unknown ticket, without a wallet", async () => {
    const context = await s.browser.newContext({ viewport: PHONE });
    const { page, errors } = await newPhonePage(context);
    page.setDefaultTimeout(20_000);
    const tokenId = s.tiered.buyer.tokenIds[0]!;
    await page.goto(`${s.appUrl}/check`);
    await page.getByTestId("check-input").fill(`${s.tiered.ticket}/${tokenId}`);
    await page.getByRole("button", { name: "Check" }).click();
    const result = page.getByTestId("check-result");
    await result.waitFor();
    expect(await result.getAttribute("data-verdict")).toBe("genuine");
    expect(await result.innerText()).toContain(s.tiered.buyer.account);
    expect(await result.innerText()).toContain("0.06 ETH"); // face 0.05 × 120 % cap
    expect(await page.getByTestId("check-warnings").innerText()).toMatch(/official Fairgate resale market/);
    expect(page.url()).toContain("?q="); // shareable
    await screenshot(page, "public-ticket-check");

    await page.getByTestId("check-input").fill("definitely not a ticket");
    await page.getByRole("button", { name: "Check" }).click();
    await page.getByTestId("error").waitFor();
    expect(await page.getByTestId("error").innerText()).toMatch(/not a ticket id/);

    await page.getByTestId("check-input").fill(`${s.tiered.ticket}/99999`);
    await page.getByRole("button", { name: "Check" }).click();
    await page.locator('[data-testid="check-result"][data-verdict="unknown"]').waitFor();
    expect(await page.getByTestId("check-warnings").innerText()).toMatch(/do not pay/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
