/**
 * The pass identifies itself and stops when it must (issue 20, item 6), at phone and desktop sizes: it names
 * the event, date, tier, seat and holder; after the gate admits the ticket the QR gives way to "Used" (no
 * reload: the admission arrives through the change stream); a ticket sent away shows "This ticket is no longer
 * yours" and where it went instead of "Set up this phone"; the ticket page downloads an .ics of the event.
 */
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildChallengeMessage, type GateChallenge } from "../../../lib/gate/challenge-message";
import type { GateVerdict } from "../../../lib/gate/reasons";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { localClients } from "../../../scripts/lib/local-clients";
import { chromiumSkipReason, screenshot } from "../../helpers/browser";
import { startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";

const FRIEND = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"; // account #2
const DESKTOP = { width: 1280, height: 900 };

async function bothSizes(page: Page, name: string) {
  await screenshot(page, `${name}-phone`);
  const phone = page.viewportSize()!;
  await page.setViewportSize(DESKTOP);
  await screenshot(page, `${name}-desktop`);
  await page.setViewportSize(phone);
}

describe.skipIf(chromiumSkipReason)("browser: the pass says what it is for, and stops when used or gone", () => {
  let s: BrowserStack;

  beforeAll(async () => {
    s = await startBrowserStack();
  });
  afterAll(async () => {
    await s?.close();
  });

  it("names event, date, tier, seat and holder; shows Used after a scan; Not yours after a send; offers an .ics", async () => {
    const holder = s.demo.holders[0]!;
    const [scanned, sent] = holder.tokenIds as [bigint, bigint];
    const contract = s.demo.ticket;
    const clients = await localClients(s.rpcUrl);
    const { page, context, errors } = await s.openAs(holder.account, `/tickets/${contract}/${scanned}/pass`);

    await page.getByTestId("pass-delegate").click();
    const ready = page.getByTestId("pass-ready");
    await page.locator('[data-testid="pass-qr"]:not([data-slot=""])').waitFor();
    expect(await page.getByTestId("pass-event").innerText()).toBe(s.demo.name);
    expect(await page.getByTestId("pass-date").innerText()).not.toBe("Not set");
    expect(await page.getByTestId("pass-tier").innerText()).toBe("Tier 0");
    expect(await page.getByTestId("pass-seat").innerText()).toBe("General admission");
    expect(await page.getByTestId("pass-holder").innerText()).toBe(
      `${holder.account.slice(0, 6)}…${holder.account.slice(-4)}`,
    );
    expect(await page.getByTestId("pass-status").innerText()).toBe("Valid");
    // Headless Chromium may refuse a wake lock; the page says which it got, and works either way.
    console.log(`pass wake lock: ${await ready.getAttribute("data-wake-lock")}`);
    await bothSizes(page, "fan-pass-identity");

    // The door admits it (challenge mode: the holder's wallet signs the gate's SIWE challenge).
    const challenge = (await (
      await fetch(`${s.indexerUrl}/gate/challenge`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ contract, gateId: "north-1" }),
      })
    ).json()) as GateChallenge;
    const message = buildChallengeMessage(challenge, holder.account, scanned);
    const signature = await clients.wallet(holder.account).signMessage({ account: holder.account, message });
    const verdict = (await (
      await fetch(`${s.indexerUrl}/gate/scan`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message, signature }),
      })
    ).json()) as GateVerdict;
    expect(verdict.result).toBe("ADMIT");

    // Without a reload, the QR gives way to the used state (lib/ticket-status's words).
    await page.locator('[data-testid="pass-used"][data-status="admitted"]').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId("pass-qr").count()).toBe(0);
    expect(await page.getByTestId("pass-used").innerText()).toMatch(
      /Used\s+This ticket was used at the gate at \d\d:\d\d\./,
    );
    expect(await page.getByTestId("pass-status").innerText()).toBe("Used at the gate");
    await bothSizes(page, "fan-pass-used");

    // The other ticket is sent to a friend: its pass says so, and where it went, instead of a set-up.
    const sendHash = await clients.wallet(holder.account).writeContract({
      address: contract,
      abi: eventTicketAbi,
      functionName: "transferFrom",
      args: [holder.account, FRIEND, sent],
    });
    await clients.publicClient.waitForTransactionReceipt({ hash: sendHash });
    await page.goto(`${s.appUrl}/tickets/${contract}/${sent}/pass`);
    const gone = page.getByTestId("pass-not-yours");
    await gone.waitFor({ timeout: 30_000 });
    await expect.poll(() => gone.innerText()).toMatch(/This ticket is no longer yours\. It was sent to 0x3C44…93BC\./);
    expect(await page.getByTestId("pass-delegate").count()).toBe(0);
    expect(await page.getByTestId("pass-qr").count()).toBe(0);
    await bothSizes(page, "fan-pass-not-yours");

    // Add to calendar: an RFC 5545 file with the event's name and its start in UTC.
    await page.goto(`${s.appUrl}/tickets/${contract}/${scanned}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("add-to-calendar").click()]);
    const ics = await readFile((await download.path())!, "utf8");
    const start = await clients.publicClient.readContract({
      address: contract,
      abi: eventTicketAbi,
      functionName: "startTime",
    });
    const utc = new Date(Number(start) * 1000)
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    expect(ics).toContain("BEGIN:VEVENT\r\n");
    expect(ics).toContain(`DTSTART:${utc}\r\n`);
    expect(ics.replace(/\r\n /g, "")).toContain(`SUMMARY:${s.demo.name} · Tier 0\r\n`);
    expect(download.suggestedFilename()).toBe(`ticket-${scanned}.ics`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
