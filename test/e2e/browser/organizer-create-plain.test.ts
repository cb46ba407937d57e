/**
 * The organizer's create form in plain words, in a real browser: no ticker symbol, token address or
 * channel ids until "Advanced" is opened; dates named with their time zone; a start in the past
 * refused before anything is sent; a preview of the event page; a draft kept in this browser; a
 * fresh form after the event is created. Then the dashboard's headline numbers agree with its pie,
 * the no-shows and the event's counts after a gate admission the chain has not seen yet, and a
 * door-staff invite code comes with a copy button and a QR of the gate link.
 */
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { buildChallengeMessage, type GateChallenge } from "../../../lib/gate/challenge-message";
import { createIndexerClient, openOrganizerSession } from "../../../lib/indexer-client";
import { localClients } from "../../../scripts/lib/local-clients";
import { waitFor } from "../../../scripts/lib/wait";
import { chromiumSkipReason, screenshot } from "../../helpers/browser";
import { settledTx, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";

const ORGANIZER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" as Address;
/** `datetime-local` text for a Date in the browser's zone (the test sets none: both run in the host's). */
const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

describe.skipIf(chromiumSkipReason)("browser: the organizer's plain create form, dashboard and invites", () => {
  let s: BrowserStack;

  beforeAll(async () => {
    s = await startBrowserStack();
  });
  afterAll(async () => {
    await s?.close();
  });

  it("asks in plain words, folds the rest away, refuses a past start, previews, keeps a draft and resets", async () => {
    const { page, context, errors } = await s.openAs(ORGANIZER, "/organizer");
    const form = page.getByTestId("create-event");
    // Plain: none of the contract's words until Advanced is opened; dates say their time zone.
    const plain = await form.innerText();
    for (const word of ["Symbol", "ERC-20", "5–7"]) expect(plain).not.toContain(word);
    expect(await page.getByLabel(/^Starts \(.+\)$/).getAttribute("type")).toBe("datetime-local");
    expect(await page.getByTestId("event-currency-select").locator("option").allInnerTexts()).toContain("ETH");
    await page.getByTestId("event-advanced").locator("summary").click();
    await page.getByLabel(/^Symbol/).waitFor();
    expect(await page.getByLabel(/^Symbol/).getAttribute("placeholder")).toBe("TICKET");
    await page.getByTestId("event-name-input").fill("Plain Words Night");
    expect(await page.getByLabel(/^Symbol/).getAttribute("placeholder")).toBe("PWN");
    expect(await form.innerText()).toContain("ERC-20");
    await screenshot(page, "organizer-create-advanced");

    // A start in the past is refused in words, before any transaction.
    await page.getByTestId("event-start-input").fill(local(new Date(Date.now() - 3600_000)));
    await page.getByTestId("event-preview-button").click();
    expect(await page.getByTestId("create-event-problems").innerText()).toContain(
      "Starts: is in the past; pick a later time",
    );
    await page.getByTestId("event-royalty-input").fill("100");
    await page.getByTestId("event-preview-button").click();
    await expect
      .poll(() => page.getByTestId("create-event-problems").innerText(), { timeout: 15_000 })
      .toContain("Resale royalty: must be at most 25 %");

    // Fixed: the preview shows the event page before anything is sent.
    const start = new Date(Date.now() + 14 * 24 * 3600_000);
    await page.getByTestId("event-start-input").fill(local(start));
    await page.getByTestId("event-end-input").fill(local(new Date(start.getTime() + 4 * 3600_000)));
    await page.getByTestId("event-royalty-input").fill("5");
    await page.getByTestId("event-preview-button").click();
    const preview = page.getByTestId("event-preview");
    const problems = page.getByTestId("create-event-problems");
    await page.locator('[data-testid="event-preview"], [data-testid="create-event-problems"]').first().waitFor();
    expect(await problems.count(), (await problems.count()) ? await problems.innerText() : "").toBe(0);
    expect(await preview.getByTestId("preview-name").innerText()).toBe("Plain Words Night");
    expect(await preview.getByTestId("preview-tier").innerText()).toContain("0.05 ETH");
    expect(await preview.innerText()).toContain("Ticker symbol in wallets: PWN");
    await screenshot(page, "organizer-create-preview");

    // A draft survives a reload and is offered back.
    await page.getByTestId("draft-save").click();
    await page.getByTestId("draft-note").waitFor();
    await page.reload();
    await page.getByTestId("draft-offer").waitFor();
    expect(await page.getByTestId("draft-offer").innerText()).toContain("Plain Words Night");
    await page.getByTestId("draft-restore").click();
    expect(await page.getByTestId("event-name-input").inputValue()).toBe("Plain Words Night");

    // Created: the chain has the form's event, and the form starts afresh with no draft left.
    expect(
      await settledTx(page, "create-event-status", () => page.getByTestId("create-event-submit").click()),
    ).toMatchObject({ status: "confirmed" });
    const event = getAddress((await page.getByTestId("created-event-link").getAttribute("data-address"))!);
    const { publicClient } = await localClients(s.rpcUrl);
    expect(await publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "symbol" })).toBe(
      "PWN",
    );
    expect(await publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "startTime" })).toBe(
      BigInt(Math.floor(new Date(local(start)).getTime() / 1000)),
    );
    expect(await page.getByTestId("event-name-input").inputValue()).toBe("");
    expect(await page.getByTestId("event-preview").count()).toBe(0);
    await page.reload();
    await page.getByTestId("create-event").waitFor();
    expect(await page.getByTestId("draft-offer").count()).toBe(0);
    await screenshot(page, "organizer-create-reset");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("opens the dashboard on headline numbers that agree with the pie, the no-shows and the event's counts", async () => {
    const clients = await localClients(s.rpcUrl);
    const indexer = createIndexerClient({ baseUrl: s.indexerUrl, timeoutMs: 20_000 });
    const event = s.demo.ticket;
    const holder = s.demo.holders[0]!;
    await waitFor(
      "the demo mint indexed",
      async () => ((await indexer.event(event)).counts.minted > 0 ? true : undefined),
      { timeoutMs: 30_000 },
    );
    // One admission at the gate: used at once, on chain only once the batcher gets to it.
    const post = async (path: string, body: unknown) =>
      (await fetch(`${s.indexerUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then((r) => r.json())) as unknown;
    const challenge = (await post("/gate/challenge", { contract: event, gateId: "north-1" })) as GateChallenge;
    const message = buildChallengeMessage(challenge, holder.account, holder.tokenIds[0]!);
    const signature = await clients.wallet(holder.account).signMessage({ account: holder.account, message });
    expect(await post("/gate/scan", { message, signature })).toMatchObject({ result: "ADMIT" });
    const { counts, tiers } = await indexer.event(event);
    expect(counts.attended).toBe(1);

    const { page, context, errors } = await s.openAs(ORGANIZER, `/organizer/events/${event}`);
    const headline = page.getByTestId("headline-numbers");
    await headline.waitFor();
    const value = (key: string) => page.getByTestId(`headline-${key}`).getAttribute("data-value");
    await expect.poll(() => value("checked-in"), { timeout: 15_000 }).toBe("1");
    expect(await value("sold")).toBe(String(counts.sold));
    const out = counts.minted - counts.refunded;
    const capacity = tiers.reduce((n, t) => n + t.supply, 0);
    expect(await value("capacity")).toBe(`${Math.round((out / capacity) * 100)} %`);
    expect(await page.getByTestId("headline-capacity").innerText()).toContain(
      `${out.toLocaleString("en")} of ${capacity.toLocaleString("en")} tickets out`,
    );
    // The pie draws the same numbers (it said 0 checked in while "Attended" said 1).
    const pie = page.getByTestId("attendance-figures");
    expect(await pie.getAttribute("data-checked-in")).toBe("1");
    expect(await pie.getAttribute("data-not-yet")).toBe(String(out - 1));
    const session = await openOrganizerSession(s.indexerUrl, event, {
      address: ORGANIZER,
      signMessage: (m: string) => clients.wallet(ORGANIZER).signMessage({ account: ORGANIZER, message: m }),
    });
    expect((await indexer.analytics.noShows(event, { token: session.token })).total.attended).toBe(1);
    await screenshot(page, "organizer-dashboard-headline");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("hands out a door-staff invite code with a copy button and a QR of the gate link", async () => {
    const { page, context, errors } = await s.openAs(ORGANIZER, `/organizer/events/${s.tiered.ticket}`);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: s.appUrl });
    const staff = page.getByTestId("door-staff");
    await staff.getByTestId("organizer-sign-in").click();
    await page.getByTestId("invites-empty").waitFor();
    await page.getByTestId("invite-gate").fill("west-1");
    await page.getByTestId("invite-issue").click();
    const code = (await page.getByTestId("invite-code").innerText()).trim();
    await page.getByTestId("invite-copy").click();
    await expect
      .poll(() => page.getByTestId("invite-copied").getAttribute("data-state"), { timeout: 15_000 })
      .toBe("yes");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    const qr = page.getByTestId("invite-qr");
    const link = `${s.appUrl}/gate#invite=${code}`;
    await expect.poll(() => qr.getAttribute("data-link"), { timeout: 15_000 }).toBe(link);
    // The QR is drawn: its canvas holds dark pixels.
    const dark = await qr.evaluate((c: HTMLCanvasElement) => {
      const pixels = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 128) n++;
      return n;
    });
    expect(dark).toBeGreaterThan(100);
    await screenshot(page, "organizer-invite-qr");
    // Door staff who scan it land on the gate page with the code filled in.
    await page.goto(link);
    await page.getByTestId("gate-invite-code").waitFor();
    await expect.poll(() => page.getByTestId("gate-invite-code").inputValue(), { timeout: 15_000 }).toBe(code);
    expect(errors).toEqual([]);
    await context.close();
  });
});
