/**
 * Waitlist in a real browser against the real stack: a fan joins a sold-out market-only tier's
 * waitlist from the event page and sees their place; the holder returns the ticket from its page
 * (approve + return) and is paid face value; the ticket is the waiting fan's and the queue is empty.
 */
import { parseEther, parseEventLogs, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi, ticketFactoryAbi } from "../../../lib/generated/abis";
import { localClients } from "../../../scripts/lib/local-clients";
import { chromiumSkipReason, screenshot } from "../../helpers/browser";
import { settledTx, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";

const HOLDER = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc"; // account #5
const WAITER = "0x976EA74026E726554dB657fA54763abd0C3a0aa9"; // account #6
const FACE = parseEther("0.1");
const ZERO: Address = "0x0000000000000000000000000000000000000000";

describe.skipIf(chromiumSkipReason)("browser: waitlist for a sold-out tier", () => {
  let s: BrowserStack;
  let event: Address;

  beforeAll(async () => {
    s = await startBrowserStack();
    const { publicClient, accounts, wallet } = await localClients(s.rpcUrl);
    const start = (await publicClient.getBlock()).timestamp + 30n * 86_400n;
    const hash = await wallet(accounts[0]!).writeContract({
      address: s.factory,
      abi: ticketFactoryAbi,
      functionName: "createEventWithTiers",
      args: [
        {
          name: "Waitlist Night",
          symbol: "WLN",
          startTime: start,
          endTime: start + 86_400n,
          lockWindow: 3_600,
          maxPerWallet: 4,
          maxPerIdentity: 0,
          royaltyBps: 500,
          voucherSigner: ZERO,
          currency: ZERO,
        },
        [{ faceValue: FACE, supply: 1, zones: 1, mode: 1, resaleCapBps: 10_000, voucherOnly: false, reserved: false }],
      ],
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    event = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs })[0]!.args.ticket;
    const bought = await wallet(HOLDER).writeContract({
      address: event,
      abi: eventTicketAbi,
      functionName: "buy",
      args: [0, 1n],
      value: FACE,
    });
    expect((await publicClient.waitForTransactionReceipt({ hash: bought })).status).toBe("success");
  });
  afterAll(async () => {
    await s?.close();
  });

  it("a fan joins the sold-out tier's waitlist with a face-value deposit and sees their place", async () => {
    const { page, context, errors } = await s.openAs(WAITER, `/events/${event}`);
    const panel = page.locator('[data-testid="waitlist-panel"][data-tier="0"]');
    await panel.waitFor();
    expect(await panel.getByTestId("waitlist-summary").innerText()).toContain("Nobody is waiting yet");
    expect(
      await settledTx(
        page,
        "waitlist-status",
        () => panel.getByTestId("waitlist-join").click(),
        '[data-testid="tier-card"][data-tier="0"]',
      ),
    ).toMatchObject({ status: "confirmed" });
    await expect
      .poll(() => panel.getByTestId("waitlist-summary").innerText(), { timeout: 15_000 })
      .toContain("You are number 1 in line");
    await panel.getByTestId("waitlist-leave").waitFor();
    await screenshot(page, "fan-waitlist-joined");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the holder returns the ticket: it goes to the waiting fan and the holder gets face value", async () => {
    const { publicClient } = await localClients(s.rpcUrl);
    const before = await publicClient.getBalance({ address: HOLDER });
    const { page, context, wallet } = await s.openAs(HOLDER, `/tickets/${event}/1`);
    const section = page.getByTestId("return-to-waitlist");
    await section.waitFor();
    expect(await section.innerText()).toContain("1 waiting for tier 0");
    await section.getByTestId("return-submit").click();
    await page
      .locator('[data-testid="return-status"][data-status="confirmed"]')
      .filter({ hasText: "Returning" })
      .waitFor({ timeout: 30_000 });
    expect(wallet.prompts().map((p) => p.method)).toEqual(["eth_sendTransaction", "eth_sendTransaction"]); // approve, return
    // The ticket left this wallet, so its forms are gone; the confirmation stays in view.
    await page.getByTestId("ticket-handed-over").filter({ hasText: "Confirmed" }).waitFor();
    await screenshot(page, "holder-returned-to-waitlist");
    await context.close();

    expect(
      await publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "ownerOf", args: [1n] }),
    ).toBe(WAITER);
    const gained = (await publicClient.getBalance({ address: HOLDER })) - before;
    expect(gained > FACE - parseEther("0.01") && gained < FACE).toBe(true); // face value minus gas

    const fan = await s.openAs(WAITER, `/events/${event}`);
    const panel = fan.page.locator('[data-testid="waitlist-panel"][data-tier="0"]');
    await expect
      .poll(() => panel.getByTestId("waitlist-summary").innerText(), { timeout: 15_000 })
      .toContain("Nobody is waiting yet");
    await fan.context.close();
  });
});
