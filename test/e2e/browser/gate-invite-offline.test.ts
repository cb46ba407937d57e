/**
 * Door staff without a gate wallet, and a gate that loses its network, in real browsers: the
 * organizer signs in on the event's organizer page and issues an invite code, the scanner page
 * redeems it (a wrong code is refused in words), loads the signed offline snapshot, and with the
 * network cut admits a real rotating pass locally (then denies it the second time), shows the
 * offline indicator and the admissions waiting, and uploads them when the network returns: the
 * server then records the check-in. Finally the organizer revokes the code on the same page and
 * the scanner's next scan is refused and sends it back to sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIndexerClient } from "../../../lib/indexer-client/client";
import { decodePass } from "../../../lib/pass";
import { localClients } from "../../../scripts/lib/local-clients";
import { chromiumSkipReason, newPhonePage, screenshot } from "../../helpers/browser";
import { PHONE, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";
import { currentPassText } from "../../helpers/pass-qr";

describe.skipIf(chromiumSkipReason)("browser: gate invite sign-in and offline scanning", () => {
  let s: BrowserStack;

  beforeAll(async () => {
    s = await startBrowserStack();
  }, 600_000);
  afterAll(async () => {
    await s?.close();
  });

  it("redeems an invite, scans offline against the snapshot, and reconciles when back online", async () => {
    const buyer = s.tiered.buyer;
    const tokenId = buyer.tokenIds[0]!;
    // The fan sets the phone up first, so the gate's snapshot holds the delegation.
    const fan = await s.openAs(buyer.account, `/tickets/${s.tiered.ticket}/${tokenId}/pass`);
    await fan.page.getByTestId("pass-delegate").click();
    await fan.page.locator('[data-testid="pass-qr"]:not([data-slot=""])').waitFor();

    // The organizer signs one message on the event's page and issues a code for gate east-2.
    const { accounts } = await localClients(s.rpcUrl);
    const organizer = await s.openAs(accounts[0]!, `/organizer/events/${s.tiered.ticket}`);
    const staffPanel = organizer.page.getByTestId("door-staff");
    await staffPanel.getByTestId("organizer-sign-in").click();
    await organizer.page.getByTestId("invites-empty").waitFor();
    await organizer.page.getByTestId("invite-gate").fill("east-2");
    await organizer.page.getByTestId("invite-issue").click();
    const inviteCode = (await organizer.page.getByTestId("invite-code").innerText()).trim();
    expect(inviteCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const inviteRow = organizer.page.locator('[data-testid="invite-row"][data-gate="east-2"]');
    expect(await inviteRow.getAttribute("data-status")).toBe("open");
    await screenshot(organizer.page, "organizer-invite-issued");

    // Door staff: no wallet at all, only the code.
    const context = await s.browser.newContext({ viewport: PHONE });
    const { page, errors } = await newPhonePage(context);
    page.setDefaultTimeout(20_000);
    await page.goto(`${s.appUrl}/gate`);
    await page.getByTestId("gate-invite-code").fill("ABCD-EFGH-JKMN-PQRS");
    await page.getByTestId("gate-invite-submit").click();
    await expect
      .poll(() => page.getByTestId("gate-invite-error").getAttribute("data-error-code"))
      .toBe("GATE_UNAUTHORIZED");
    await page.getByTestId("gate-invite-code").fill(inviteCode.toLowerCase());
    await page.getByTestId("gate-invite-submit").click();
    expect(await page.getByTestId("gate-session").getAttribute("data-gate")).toBe("east-2");
    const badge = page.getByTestId("connectivity");
    await expect.poll(() => badge.getAttribute("data-offline-ready"), { timeout: 20_000 }).toBe("true");
    await screenshot(page, "gate-invite-online");

    // The network goes: the badge says so, and passes are checked against the snapshot.
    await context.setOffline(true);
    await expect.poll(() => badge.getAttribute("data-online")).toBe("false");
    // The footer does not claim a live indexer while the phone has no network.
    await expect.poll(() => page.getByTestId("indexer-status").getAttribute("data-state")).toBe("down");
    const pass = await currentPassText(fan.page);
    expect(decodePass(pass).tokenId).toBe(tokenId);
    await page.bringToFront();
    await page.getByTestId("manual-pass").fill(pass);
    await page.getByTestId("manual-submit").click();
    const verdict = page.getByTestId("verdict");
    await page.locator('[data-testid="verdict"]:not([data-result=""])').waitFor();
    await screenshot(page, "gate-offline-verdict");
    expect({
      result: await verdict.getAttribute("data-result"),
      reason: await verdict.getAttribute("data-reason"),
      offline: await verdict.getAttribute("data-offline"),
    }).toEqual({
      result: "ADMIT",
      reason: "",
      offline: "true",
    });
    expect(await badge.getAttribute("data-queued")).toBe("1");
    expect(await badge.innerText()).toContain("Offline: checking passes against the snapshot");
    await screenshot(page, "gate-offline-admit");
    expect(await page.getByTestId("manual-pass").inputValue()).toBe(""); // cleared after each scan
    await page.getByTestId("manual-pass").fill(pass);
    await page.getByTestId("manual-submit").click();
    await page.locator('[data-testid="verdict"][data-result="DENY"][data-reason="ALREADY_CHECKED_IN"]').waitFor();
    expect(await page.getByTestId("counters").getAttribute("data-admitted")).toBe("1");

    // Still offline: a reload keeps the snapshot and the admission waiting to upload.
    // (Playwright keeps the page offline across the reload, so the app is served from nothing: skip that.)

    // Back online: the queued admission is uploaded and the server has the check-in.
    await context.setOffline(false);
    await expect.poll(() => badge.getAttribute("data-queued"), { timeout: 20_000 }).toBe("0");
    await expect.poll(() => badge.getAttribute("data-online")).toBe("true");
    const indexer = createIndexerClient({ baseUrl: s.indexerUrl });
    await expect
      .poll(async () => (await indexer.ticket(s.tiered.ticket, tokenId)).ticket.checkedIn, { timeout: 20_000 })
      .toBe(true);
    await screenshot(page, "gate-reconciled");

    // The organizer sees the code in use and revokes it: the scanner's next scan is refused and it is signed out.
    await organizer.page.bringToFront();
    await organizer.page.reload();
    await expect.poll(() => inviteRow.getAttribute("data-status"), { timeout: 20_000 }).toBe("redeemed");
    await inviteRow.getByTestId("invite-revoke").click();
    await expect.poll(() => inviteRow.getAttribute("data-status")).toBe("revoked");
    await page.bringToFront();
    await page.getByTestId("manual-pass").fill(pass);
    await page.getByTestId("manual-submit").click();
    // Refused with GATE_UNAUTHORIZED, the console drops the session and shows the sign-in again.
    await page.getByTestId("gate-invite-code").waitFor();
    expect(errors).toEqual([]);
    expect(organizer.errors).toEqual([]);
    await context.close();
    await organizer.context.close();
    await fan.context.close();
  });
});
