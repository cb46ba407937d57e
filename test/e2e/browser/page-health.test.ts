/**
 * Every main screen passes axe-core's serious and critical rules and logs no console error (issue 20, item 11):
 * home (My tickets), an event, a ticket, its pass, the gate, the public check and the organizer's pages, each
 * as its user sees it, on the phone-sized page the other browser tests use.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumSkipReason, newPhonePage } from "../../helpers/browser";
import { PHONE, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";
import { pageProblems } from "../../helpers/page-health";

const ORGANIZER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

describe.skipIf(chromiumSkipReason)("browser: page health (accessibility and console)", () => {
  let s: BrowserStack;

  beforeAll(async () => {
    s = await startBrowserStack();
  }, 900_000); // a production build first when app/ or lib/ changed

  afterAll(async () => {
    await s?.close();
  });

  it("home, event, ticket, pass, gate, check and organizer pages have no serious violation and no console error", async () => {
    const holder = s.demo.holders[0]!;
    const contract = s.demo.ticket;
    const tokenId = holder.tokenIds[0]!;
    // Each page, and the element that says it has loaded its data.
    // `as`: the wallet connected first; null for a page anyone opens without one.
    const pages: { name: string; as: `0x${string}` | null; path: string; ready: string }[] = [
      { name: "home", as: holder.account, path: "/", ready: '[data-testid="ticket-card"]' },
      { name: "event", as: holder.account, path: `/events/${s.tiered.ticket}`, ready: '[data-testid="tier-list"]' },
      {
        name: "ticket",
        as: holder.account,
        path: `/tickets/${contract}/${tokenId}`,
        ready: '[data-testid="ticket-detail"][data-status]',
      },
      {
        name: "pass",
        as: holder.account,
        path: `/tickets/${contract}/${tokenId}/pass`,
        ready: '[data-testid="pass-delegate"]',
      },
      { name: "gate", as: ORGANIZER, path: "/gate", ready: '[data-testid="gate-event"]' },
      {
        name: "check",
        as: null,
        path: `/check?q=${encodeURIComponent(`${contract}/${tokenId}`)}`,
        ready: '[data-testid="check-result"]',
      },
      { name: "organizer", as: ORGANIZER, path: "/organizer", ready: '[data-testid="event-name-input"]' },
      {
        name: "organizer event",
        as: ORGANIZER,
        path: `/organizer/events/${s.tiered.ticket}`,
        ready: '[data-testid="venue-panel"]',
      },
    ];
    const openAnonymous = async (path: string) => {
      const context = await s.browser.newContext({ viewport: PHONE });
      const { page } = await newPhonePage(context);
      page.setDefaultTimeout(20_000);
      await page.goto(`${s.appUrl}${path}`);
      return { page, context };
    };
    const problems: string[] = [];
    for (const p of pages) {
      const { page, context } = p.as ? await s.openAs(p.as, p.path) : await openAnonymous(p.path);
      await page.locator(p.ready).first().waitFor();
      const found = await pageProblems(page, p.name);
      console.log(`${p.name}: ${found.length} problem(s)${found.map((f) => `\n  ${f}`).join("")}`);
      problems.push(...found);
      await context.close();
    }
    expect(problems).toEqual([]);
  });
});
