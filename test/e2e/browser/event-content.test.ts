/**
 * An event's face in a real browser: the organizer writes the event page (description, venue, an
 * uploaded image, time zone, door time, tier names) and signs it with the wallet, no transaction;
 * a visitor with no wallet then sees it on the event page and the home page, at phone and desktop
 * sizes, with tiers by name and per-page titles.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumSkipReason, newPhonePage, screenshot } from "../../helpers/browser";
import { PHONE, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";

const ORGANIZER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" as const;
const DESKTOP = { width: 1280, height: 900 };
// A 1×1 PNG: the upload path end to end (stored by the indexer, served back under its version).
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
const TIER_NAMES = ["Standing", "Balcony", "Backstage"];

describe.skipIf(chromiumSkipReason)("browser: event content", () => {
  let s: BrowserStack;

  beforeAll(async () => {
    s = await startBrowserStack();
  });
  afterAll(async () => {
    await s?.close();
  });

  async function both(page: Page, name: string) {
    await page.setViewportSize(PHONE);
    await screenshot(page, `${name}-phone`);
    await page.setViewportSize(DESKTOP);
    await screenshot(page, `${name}-desktop`);
  }

  it("the organizer signs the event page; without a wallet it shows on the event and home pages", async () => {
    const org = await s.openAs(ORGANIZER, `/organizer/events/${s.tiered.ticket}`);
    const editor = org.page.getByTestId("content-editor");
    await editor.waitFor({ timeout: 30_000 });
    await editor.getByTestId("content-description").fill("Three stages of synth music.\nLate bar until 2.");
    await editor.getByTestId("content-venue-name").fill("Tempodrom");
    await editor.getByTestId("content-venue-address").fill("Möckernbrücke 10, Berlin");
    await editor.getByTestId("content-timezone").fill("Europe/Berlin");
    await editor.getByTestId("content-doors").fill("2033-05-18T18:30");
    const tierInputs = editor.getByTestId("content-tier-name");
    const tiers = await tierInputs.count();
    for (let i = 0; i < tiers; i++) await tierInputs.nth(i).fill(TIER_NAMES[i] ?? `Area ${i}`);
    await editor
      .getByTestId("content-image-file")
      .setInputFiles({ name: "poster.png", mimeType: "image/png", buffer: PNG });
    await editor.getByTestId("content-save").click();
    await editor.getByTestId("content-saved").waitFor({ timeout: 30_000 });
    // One signature, no transaction.
    expect(org.wallet.prompts().map((r) => r.method)).toEqual(["eth_signTypedData_v4"]);
    expect(org.errors).toEqual([]);
    await org.context.close();

    // A visitor with no wallet at all.
    const context = await s.browser.newContext({ viewport: PHONE });
    const { page, errors } = await newPhonePage(context);
    page.setDefaultTimeout(20_000);
    await page.goto(`${s.appUrl}/events/${s.tiered.ticket}`);
    await page.getByTestId("event-face").waitFor();
    expect(await page.getByTestId("event-description").innerText()).toContain("Three stages of synth music.");
    expect(await page.getByTestId("event-venue").innerText()).toContain("Tempodrom");
    expect(await page.getByTestId("event-doors").innerText()).toBe("Wed, 18 May 2033, 18:30 CEST");
    await expect
      .poll(() => page.locator('[data-testid="tier-card"] [data-testid="tier-name"]').allInnerTexts())
      .toEqual(TIER_NAMES.slice(0, tiers));
    await expect
      .poll(() => page.getByTestId("event-image").evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBe(1);
    expect(await page.title()).toBe(`${s.tiered.name} · Fairgate`);
    await both(page, "event-content");

    await page.setViewportSize(PHONE);
    await page.goto(`${s.appUrl}/`);
    await page.getByTestId("home-intro").waitFor();
    const item = page.locator(`[data-testid="upcoming-event"][data-address="${s.tiered.ticket}"]`);
    await item.waitFor();
    await expect.poll(() => item.innerText()).toContain("Tempodrom");
    expect(await page.getByTestId("home-intro").innerText()).toMatch(/Fairgate sells tickets/);
    expect(await page.getByTestId("tickets-disconnected").count()).toBe(1);
    expect(await page.title()).toBe("Fairgate · honest tickets");
    await both(page, "home-no-wallet");
    expect(errors).toEqual([]);
    await context.close();
  });
});
