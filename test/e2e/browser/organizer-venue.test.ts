/**
 * The organizer's seat map in a real browser: create an event whose tier is reserved seating (the
 * form's checkbox, supply = the layout's seat count), upload a broken CSV (every problem listed), a
 * layout with more seats than the tier sells (refused against the chain), then the right one,
 * and open the seat map it made.
 */
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { generateVenue } from "../../../lib/seating/generate-venue";
import { parseVenueLayout } from "../../../lib/seating/parse-layout";
import { localClients } from "../../../scripts/lib/local-clients";
import { chromiumSkipReason, screenshot } from "../../helpers/browser";
import { settledTx, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";

const ORGANIZER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const LAYOUT = generateVenue({ name: "Small Hall", sections: 3, rows: 6, seatsPerRow: 8, tiers: 1 });
const SEATS = parseVenueLayout(LAYOUT).seats.length;

describe.skipIf(chromiumSkipReason)("browser: organizer uploads a seat map for a reserved tier", () => {
  let s: BrowserStack;
  let event: Address;

  beforeAll(async () => {
    s = await startBrowserStack();
  });
  afterAll(async () => {
    await s?.close();
  });

  it("creates a reserved-seating event, refuses bad layouts with reasons, saves the right one", async () => {
    const { page, context, errors } = await s.openAs(ORGANIZER, "/organizer");
    await page.getByTestId("event-name-input").fill("Seated Fest");
    const tier = page.locator('[data-testid="tier-fields"][data-tier="0"]');
    await tier.getByTestId("tier-supply").fill(String(SEATS));
    await tier.getByTestId("tier-reserved").check();
    expect(
      await settledTx(page, "create-event-status", () => page.getByTestId("create-event-submit").click()),
    ).toMatchObject({ status: "confirmed" });
    event = getAddress((await page.getByTestId("created-event-link").getAttribute("data-address"))!);
    const { publicClient } = await localClients(s.rpcUrl);
    expect(
      await publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "tier", args: [0] }),
    ).toMatchObject({ supply: SEATS, reserved: true });

    await page.goto(`${s.appUrl}/organizer/events/${event}`);
    const panel = page.getByTestId("venue-panel");
    await panel.getByText(`tier 0 (${SEATS} seats)`, { exact: false }).waitFor({ timeout: 30_000 });
    await panel.getByTestId("venue-sign-in").click();
    const file = panel.getByTestId("venue-file");
    await file.waitFor();

    // A CSV with a word where a seat number goes: refused, with the line.
    await file.setInputFiles({
      name: "broken.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("section,row,seat,x,y,tier\nA,1,1,0,0,0\nA,1,1,1,0,0\nA,1,two,2,0,0\n"),
    });
    const refused = panel.getByTestId("venue-refused");
    await refused.waitFor({ timeout: 15_000 });
    expect(await refused.getAttribute("data-code")).toBe("BAD_LAYOUT");
    expect(await refused.innerText()).toMatch(/line 4: seat "two" is not a whole number/);

    // More seats than the tier sells on chain: refused against the chain.
    await file.setInputFiles({
      name: "big.json",
      mimeType: "application/json",
      buffer: Buffer.from(
        JSON.stringify(generateVenue({ name: "Too Big", sections: 4, rows: 6, seatsPerRow: 8, tiers: 1 })),
      ),
    });
    await panel.locator('[data-testid="venue-refused"][data-code="LAYOUT_CONFLICT"]').waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId("venue-refused").innerText()).toContain(`a supply of ${SEATS} on chain`);

    await file.setInputFiles({
      name: "hall.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(LAYOUT)),
    });
    const saved = panel.getByTestId("venue-saved");
    await saved.waitFor({ timeout: 15_000 });
    expect(Number(await saved.getAttribute("data-seats"))).toBe(SEATS);
    await screenshot(page, "organizer-venue");

    await saved.getByRole("link", { name: "Open the seat map" }).click();
    await page.getByTestId("seat-canvas").waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});
