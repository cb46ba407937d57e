/**
 * The door steward's screen on a phone (issue 20, item 8): a locked-down page (no site navigation),
 * the event's and the zone's names instead of "zone 0", an invite code typed in lower case with
 * spaces, sound and vibration on each verdict, the field cleared after each scan, and a tap right
 * after a verdict checked, not ignored (queueing during a scan: app/gate/verdict-hold.test.ts). Screenshots in test-output/gate-steward-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localClients } from "../../../scripts/lib/local-clients";
import { chromiumSkipReason, newPhonePage, screenshot } from "../../helpers/browser";
import { PHONE, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";
import { currentPassText } from "../../helpers/pass-qr";

/** Records vibrations and started tones, so the test can see the feedback a phone would give. */
const RECORD_FEEDBACK = () => {
  const w = window as unknown as { __buzz: number[][]; __tones: number };
  w.__buzz = [];
  w.__tones = 0;
  Object.defineProperty(navigator, "vibrate", {
    configurable: true,
    value: (pattern: number[]) => (w.__buzz.push(pattern), true),
  });
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    w.__tones++;
    return create.call(this);
  };
};

describe.skipIf(chromiumSkipReason)("browser: the door steward's screen", () => {
  let s: BrowserStack;

  beforeAll(async () => {
    s = await startBrowserStack();
  }, 600_000);
  afterAll(async () => {
    await s?.close();
  });

  it("locked down, names the event and zone, beeps and buzzes, clears the field and takes the next tap", async () => {
    const buyer = s.tiered.buyer;
    const tokenId = buyer.tokenIds[0]!;
    const fan = await s.openAs(buyer.account, `/tickets/${s.tiered.ticket}/${tokenId}/pass`);
    await fan.page.getByTestId("pass-delegate").click();
    await fan.page.locator('[data-testid="pass-qr"]:not([data-slot=""])').waitFor();

    const { accounts } = await localClients(s.rpcUrl);
    const organizer = await s.openAs(accounts[0]!, `/organizer/events/${s.tiered.ticket}`);
    await organizer.page.getByTestId("door-staff").getByTestId("organizer-sign-in").click();
    await organizer.page.getByTestId("invites-empty").waitFor();
    await organizer.page.getByTestId("invite-gate").fill("main-door");
    await organizer.page.getByTestId("invite-issue").click();
    const inviteCode = (await organizer.page.getByTestId("invite-code").innerText()).trim();

    const context = await s.browser.newContext({ viewport: PHONE });
    await context.addInitScript(RECORD_FEEDBACK);
    const { page, errors } = await newPhonePage(context);
    page.setDefaultTimeout(20_000);
    await page.goto(`${s.appUrl}/gate`);
    // Locked down: the title only, no way to the rest of the site.
    expect(await page.locator("header nav, header a").count()).toBe(0);
    // Typed as a person would read it out: lower case, spaces for dashes.
    await page.getByTestId("gate-invite-code").fill(` ${inviteCode.toLowerCase().replaceAll("-", " ")} `);
    await page.getByTestId("gate-invite-submit").click();
    await page.getByTestId("gate-session").waitFor();
    await expect.poll(() => page.getByTestId("gate-event").getAttribute("data-state")).toBe("named");
    expect(await page.getByTestId("gate-event-name").innerText()).toBe(s.tiered.name);
    const zone = await page.getByTestId("gate-zone").innerText();
    expect(zone).toContain("General entrance");
    expect(zone).not.toMatch(/zone 0/i);
    await screenshot(page, "gate-steward-signed-in");

    const verdictOf = async () => ({
      result: await page.getByTestId("verdict").getAttribute("data-result"),
      reason: await page.getByTestId("verdict").getAttribute("data-reason"),
    });
    const pass = await currentPassText(fan.page);
    await page.bringToFront();
    const field = page.getByTestId("manual-pass");
    await field.fill(pass);
    await page.getByTestId("manual-submit").click();
    await page.locator('[data-testid="verdict"]:not([data-result=""])').waitFor();
    expect(await verdictOf()).toEqual({ result: "ADMIT", reason: "" });
    expect(await field.inputValue()).toBe("");
    const feedback = () =>
      page.evaluate(() => {
        const w = window as unknown as { __buzz: number[][]; __tones: number };
        return { buzz: w.__buzz, tones: w.__tones };
      });
    expect(await feedback()).toEqual({ buzz: [[80]], tones: 1 });
    await screenshot(page, "gate-steward-admit");

    // A tap while ADMIT is still on screen is checked, not ignored (the same pass: already admitted).
    await field.fill(pass);
    await page.getByTestId("manual-submit").click();
    await expect.poll(() => page.getByTestId("counters").getAttribute("data-denied"), { timeout: 30_000 }).toBe("1");
    expect(await verdictOf()).toEqual({ result: "DENY", reason: "ALREADY_CHECKED_IN" });
    expect(await page.getByTestId("scan-queued").count()).toBe(0);
    expect(await feedback()).toEqual({ buzz: [[80], [200, 100, 200]], tones: 3 });
    expect(await page.getByTestId("counters").getAttribute("data-admitted")).toBe("1");
    await screenshot(page, "gate-steward-deny");

    expect(errors).toEqual([]);
    await context.close();
    await organizer.context.close();
    await fan.context.close();
  });
});
