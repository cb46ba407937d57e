/**
 * Reserved seating in real browsers: the organizer sets a 51,520-seat generated stadium as the
 * event's venue; two fans open the seat map; one picks "best available" and holds the seats (one
 * SIWE signature), and the other fan's map shows them taken within a couple of seconds, without a
 * reload; the keyboard alone selects a seat; releasing frees them for everyone again.
 * Buying seats (on a reserved tier) is proven by seat-purchase.test.ts; this map is a general-admission
 * event's, so it shows holds only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGateSignInMessage } from "../../../lib/gate/sign-in-message";
import { openGateSession, requestGateSignIn } from "../../../lib/indexer-client/gate";
import { putVenue } from "../../../lib/seating/client";
import { generateVenue } from "../../../lib/seating/generate-venue";
import { localClients } from "../../../scripts/lib/local-clients";
import { chromiumSkipReason, screenshot } from "../../helpers/browser";
import { startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";

const FAN_A = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"; // account #2
const FAN_B = "0x90F79bf6EB2c4f870365E785982E1f101E93b906"; // account #3

describe.skipIf(chromiumSkipReason)("browser: seat map with live holds", () => {
  let s: BrowserStack;
  let seats: number;

  beforeAll(async () => {
    s = await startBrowserStack();
    const { accounts, wallet } = await localClients(s.rpcUrl);
    const organizer = accounts[0]!;
    const challenge = await requestGateSignIn(s.indexerUrl, {
      contract: s.tiered.ticket,
      gateId: "organizer",
      zone: 0,
      domain: new URL(s.appUrl).host,
    });
    const message = buildGateSignInMessage(challenge, organizer);
    const admin = await openGateSession(
      s.indexerUrl,
      message,
      await wallet(organizer).signMessage({ account: organizer, message }),
    );
    ({ seats } = await putVenue(s.indexerUrl, admin.token, s.tiered.ticket, {
      layout: generateVenue({ name: "Test Stadium", sections: 40, rows: 50, seatsPerRow: 20 }),
    }));
    expect(seats).toBe(51_520);
  }, 600_000);
  afterAll(async () => {
    await s?.close();
  });

  it("a hold by one fan shows up on another fan's map within seconds, and the release too", async () => {
    const b = await s.openAs(FAN_B, `/events/${s.tiered.ticket}`);
    await b.page.getByTestId("seat-map-link").click();
    const started = Date.now();
    await b.page.locator(`[data-testid="seat-canvas"][data-seats="${seats}"]`).waitFor({ timeout: 30_000 });
    console.log(`seat map with ${seats} seats shown ${Date.now() - started} ms after the click`);
    const pickerB = b.page.getByTestId("seat-picker");

    const a = await s.openAs(FAN_A, `/events/${s.tiered.ticket}/seats`);
    await a.page.getByTestId("seat-canvas").waitFor({ timeout: 30_000 });
    await a.page.getByTestId("best-count").selectOption("3");
    await a.page.getByTestId("best-available").click();
    const chosen = (await a.page.getByTestId("seat-selection").getAttribute("data-seats"))!.split(",").map(Number);
    expect(chosen).toHaveLength(3);
    await a.page.getByTestId("hold-seats").click();
    await a.page.locator('[data-testid="seat-message"]').filter({ hasText: "Held 3 seat(s)" }).waitFor();
    expect(a.wallet.requests.filter((r) => r.method === "personal_sign")).toHaveLength(1);
    const heldAt = Date.now();
    await b.page.bringToFront();
    await expect.poll(() => pickerB.getAttribute("data-held"), { timeout: 10_000, interval: 100 }).toBe("3");
    console.log(`hold visible on the other fan's map ${Date.now() - heldAt} ms after it was confirmed`);
    await screenshot(b.page, "seat-map-held-by-other");

    // The keyboard alone selects a seat (one row back from the first seat).
    await b.page.getByTestId("seat-canvas").focus();
    await b.page.keyboard.press("ArrowDown");
    await b.page.keyboard.press("Enter");
    expect(await b.page.getByTestId("seat-focus").innerText()).toMatch(
      /^Section S1 · Row 2 · Seat 1: free, price tier \d, selected$/,
    );
    expect(await b.page.getByTestId("seat-selection").getAttribute("data-seats")).not.toBe("");
    // The other fan's "best available" skips the held seats.
    await b.page.getByTestId("best-count").selectOption("3");
    await b.page.getByTestId("best-available").click();
    const other = (await b.page.getByTestId("seat-selection").getAttribute("data-seats"))!.split(",").map(Number);
    expect(other).toHaveLength(3);
    expect(other.some((x) => chosen.includes(x))).toBe(false);

    await a.page.bringToFront();
    await a.page.getByTestId("release-seats").click();
    await b.page.bringToFront();
    await expect.poll(() => pickerB.getAttribute("data-held"), { timeout: 10_000, interval: 100 }).toBe("0");
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
