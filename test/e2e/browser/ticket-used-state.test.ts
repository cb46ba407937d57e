/**
 * A ticket used at the gate shows one state everywhere, before the chain knows (issue 20, item 1): the gate
 * admits it, and the ticket page, My tickets and the public check all say "used" at once through the change
 * stream; the ticket page offers no resale, send or return; once the check-in batcher writes it on chain,
 * `isCheckedIn` is true and every screen says "Checked in".
 *
 * The batcher's signer gets GATE_ROLE only after the screens were seen in the admitted state: until then its
 * batch would revert, so it stays queued. That holds the chain back without a clock, so the admitted-not-on-chain
 * state is observed for certain, never raced.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { chromiumSkipReason, newPhonePage, screenshot } from "../../helpers/browser";
import { PHONE, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";
import { buildChallengeMessage, type GateChallenge } from "../../../lib/gate/challenge-message";
import type { GateVerdict } from "../../../lib/gate/reasons";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { localClients } from "../../../scripts/lib/local-clients";
import { grantLocalGateSigner, LOCAL_GATE_SIGNER_INDEX } from "../../../scripts/lib/local-gate-signer";

/** Hardhat's public test account #19 (local chain only): the check-in signer `npm start` uses too. */
const GATE_SIGNER = "0x8626f6940E2eb28930eFb4CeF49B2d1F2C9C1199";

describe.skipIf(chromiumSkipReason)("browser: a used ticket", () => {
  let s: BrowserStack;

  beforeAll(async () => {
    s = await startBrowserStack({ indexerEnv: { GATE_SIGNER_ADDRESS: GATE_SIGNER, GATE_BATCH_INTERVAL_MS: "200" } });
  });
  afterAll(async () => {
    await s?.close();
  });

  it("shows the gate's admission on the ticket page, My tickets and /check, refuses resale/send/return, then the chain checks it in", async () => {
    const clients = await localClients(s.rpcUrl);
    expect(clients.accounts[LOCAL_GATE_SIGNER_INDEX]).toBe(GATE_SIGNER);
    const holder = s.demo.holders[0]!;
    const tokenId = holder.tokenIds[0]!;
    const contract = s.demo.ticket;

    // Three screens open before the scan: the holder's ticket page and list, and a stranger's public check.
    const detail = await s.openAs(holder.account, `/tickets/${contract}/${tokenId}`);
    const ticketPage = detail.page;
    await ticketPage.locator('[data-testid="ticket-detail"][data-status="valid"]').waitFor();
    await ticketPage.getByTestId("resell").waitFor();
    await ticketPage.getByTestId("transfer").waitFor();
    expect(await ticketPage.getByTestId("ticket-used").count()).toBe(0);

    const list = await s.openAs(holder.account, "/");
    const card = list.page.locator(
      `[data-testid="ticket-card"][data-token-id="${tokenId}"][data-contract="${contract}"]`,
    );
    await card.waitFor();
    expect(await card.getAttribute("data-status")).toBe("valid");

    const checkContext = await s.browser.newContext({ viewport: PHONE });
    const check = await newPhonePage(checkContext);
    check.page.setDefaultTimeout(20_000);
    await check.page.goto(`${s.appUrl}/check?q=${encodeURIComponent(`${contract}/${tokenId}`)}`);
    await check.page.locator('[data-testid="check-result"][data-verdict="genuine"]').waitFor();

    // The door admits it (challenge mode: the holder's wallet signs the gate's SIWE challenge).
    const challenge = (await (
      await fetch(`${s.indexerUrl}/gate/challenge`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ contract, gateId: "north-1" }),
      })
    ).json()) as GateChallenge;
    const message = buildChallengeMessage(challenge, holder.account, tokenId);
    const signature = await clients.wallet(holder.account).signMessage({ account: holder.account, message });
    const verdict = (await (
      await fetch(`${s.indexerUrl}/gate/scan`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ message, signature }),
      })
    ).json()) as GateVerdict;
    expect(verdict.result).toBe("ADMIT");
    const scannedAt = Date.now();

    // Every screen: used at the gate, not yet on chain (the signer has no GATE_ROLE yet, so nothing reached the chain).
    const seen: Record<string, number> = {};
    const waitAdmitted = async (name: string, page: Page, selector: string) => {
      await page.locator(selector).waitFor({ timeout: 20_000 });
      seen[name] = Date.now() - scannedAt;
    };
    await Promise.all([
      waitAdmitted("ticket page", ticketPage, '[data-testid="ticket-detail"][data-status="admitted"]'),
      waitAdmitted(
        "my tickets",
        list.page,
        `[data-testid="ticket-card"][data-token-id="${tokenId}"][data-status="admitted"]`,
      ),
      waitAdmitted("check", check.page, '[data-testid="check-result"][data-verdict="used"][data-status="admitted"]'),
    ]);
    console.log(`used state shown after the scan (ms, stream-driven, no reload): ${JSON.stringify(seen)}`);
    expect(
      await clients.publicClient.readContract({
        address: contract,
        abi: eventTicketAbi,
        functionName: "isCheckedIn",
        args: [tokenId],
      }),
    ).toBe(false);

    // One state, in words, on all three.
    expect(await ticketPage.getByTestId("ticket-status-text").innerText()).toMatch(/^Used at the gate at \d\d:\d\d$/);
    expect(await card.getByTestId("ticket-status").innerText()).toBe("Used at the gate");
    expect(await check.page.getByTestId("check-status").innerText()).toBe("Used at the gate");
    expect(await check.page.getByTestId("check-status-words").innerText()).toMatch(/used at the gate at \d\d:\d\d/);

    // No resale, send or return while the chain still would take them; the reason instead.
    expect(await ticketPage.getByTestId("ticket-used").innerText()).toMatch(
      /This ticket was used at the gate at \d\d:\d\d\. It can no longer be resold, sent or returned\./,
    );
    for (const form of ["resell", "transfer", "return-to-waitlist", "show-pass"])
      expect(await ticketPage.getByTestId(form).count(), form).toBe(0);
    // The public market no longer offers it either (a listing of it would be stale).
    const listings = (await (
      await fetch(`${s.indexerUrl}/listings?contract=${contract}&tokenId=${tokenId}&status=open`)
    ).json()) as { listings: { stale: boolean }[] };
    expect(listings.listings.every((l) => l.stale)).toBe(true);
    await screenshot(ticketPage, "ticket-used-at-gate");
    await screenshot(list.page, "ticket-used-my-tickets");
    await screenshot(check.page, "ticket-used-check");

    // The batcher may now write it: its signer gets GATE_ROLE, the queued admission goes on chain.
    await grantLocalGateSigner(s.rpcUrl, [contract]);
    await expect
      .poll(
        () =>
          clients.publicClient.readContract({
            address: contract,
            abi: eventTicketAbi,
            functionName: "isCheckedIn",
            args: [tokenId],
          }),
        { timeout: 90_000, interval: 250 },
      )
      .toBe(true);
    // …and every screen follows the chain, still one state.
    await Promise.all([
      ticketPage.locator('[data-testid="ticket-detail"][data-status="checked-in"]').waitFor({ timeout: 30_000 }),
      list.page
        .locator(`[data-testid="ticket-card"][data-token-id="${tokenId}"][data-status="checked-in"]`)
        .waitFor({ timeout: 30_000 }),
      check.page
        .locator('[data-testid="check-result"][data-verdict="used"][data-status="checked-in"]')
        .waitFor({ timeout: 30_000 }),
    ]);
    for (const form of ["resell", "transfer", "return-to-waitlist"])
      expect(await ticketPage.getByTestId(form).count(), form).toBe(0);
    await screenshot(ticketPage, "ticket-used-checked-in-on-chain");

    expect([...detail.errors, ...list.errors, ...check.errors]).toEqual([]);
    await Promise.all([detail.context.close(), list.context.close(), checkContext.close()]);
  });
});
