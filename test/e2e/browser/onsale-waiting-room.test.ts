/**
 * The on-sale waiting room in a real browser against the real stack (chain, indexer with the
 * /onsale service, production app): a fan joins before the sale opens (solving the sale's proof
 * of work in the page), watches the place change live over SSE without a reload until admitted,
 * signs in with SIWE, enters an ID number once (a bad one is refused in words), receives a
 * voucher and redeems it on chain; redeeming it twice fails with the decoded custom error; a
 * second wallet with the same ID is refused by the per-identity cap.
 */
import { parseEther, parseEventLogs, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi, ticketFactoryAbi } from "../../../lib/generated/abis";
import { getPowChallenge, joinQueue } from "../../../lib/onsale/client";
import { solvePow } from "../../../lib/onsale/pow";
import { localClients } from "../../../scripts/lib/local-clients";
import { chromiumSkipReason, screenshot } from "../../helpers/browser";
import { settledTx, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";

const FAN = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"; // account #2
const OTHER_FAN = "0x90F79bf6EB2c4f870365E785982E1f101E93b906"; // account #3
const ADMIN_TOKEN = "onsale-admin-token-for-tests";
const SALE = "spring-onsale";
const FACE = parseEther("0.03");
const POW_BITS = 10;

describe.skipIf(chromiumSkipReason)("browser: on-sale waiting room, voucher, claim", () => {
  let s: BrowserStack;
  let contract: Address;

  beforeAll(async () => {
    s = await startBrowserStack({
      indexerEnv: {
        ONSALE_ADMIN_TOKEN: ADMIN_TOKEN,
        IDENTITY_PEPPER: "pepper-for-browser-tests-only",
        ONSALE_ADMIT_INTERVAL_MS: "100",
      },
    });
    // A real-name event: one voucher-only tier; the indexer's signer (node account #0) signs vouchers.
    const { publicClient, accounts, wallet } = await localClients(s.rpcUrl);
    const organizer = accounts[0]!;
    const start = BigInt(Math.floor(Date.now() / 1000) + 30 * 86_400);
    const hash = await wallet(organizer).writeContract({
      address: s.factory,
      abi: ticketFactoryAbi,
      functionName: "createEventWithTiers",
      args: [
        {
          name: "Spring On-sale",
          symbol: "SPRING",
          startTime: start,
          endTime: start + 86_400n,
          lockWindow: 0,
          maxPerWallet: 4,
          maxPerIdentity: 2,
          royaltyBps: 0,
          voucherSigner: organizer,
          currency: "0x0000000000000000000000000000000000000000",
        },
        [{ faceValue: FACE, supply: 100, zones: 1, mode: 1, resaleCapBps: 10_000, voucherOnly: true, reserved: false }],
      ],
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    contract = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs })[0]!.args.ticket;
    // Opens in a few seconds: whoever joins before then gets a lottery place; one fan admitted per second.
    const opensAt = new Date(Date.now() + 12_000).toISOString();
    const res = await fetch(`${s.indexerUrl}/onsale/sales`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        id: SALE,
        contract,
        tier: 0,
        opensAt,
        admitPerSecond: 1,
        lottery: true,
        powBits: POW_BITS,
        maxPerIdentity: 2,
        identityRequired: true,
      }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    // Two other early arrivals through the API, so the lottery has a queue to place our fan in.
    for (let i = 0; i < 2; i++) {
      const { challenge, bits } = await getPowChallenge(s.indexerUrl, SALE);
      await joinQueue(s.indexerUrl, SALE, { challenge, nonce: solvePow(challenge, bits) });
    }
  }, 600_000);
  afterAll(async () => {
    await s?.close();
  });

  it("joins early, moves to admitted live without a reload, gets a voucher with an ID number and redeems it", async () => {
    const { page, context, wallet, errors } = await s.openAs(FAN, `/sale/${SALE}`);
    let navigations = 0;
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) navigations++;
    });
    await page.getByTestId("join-submit").click();
    const queue = page.getByTestId("queue-status");
    await expect.poll(() => queue.getAttribute("data-state"), { timeout: 30_000 }).toBe("early");
    expect(await page.getByTestId("queue-live").getAttribute("data-live")).toBe("true");
    await screenshot(page, "onsale-early");

    // Record every state the page shows until admitted: the server pushes them, nothing reloads.
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          const state = (await queue.getAttribute("data-state")) ?? "";
          seen.add(state);
          if (state === "waiting") await screenshot(page, "onsale-waiting");
          return state;
        },
        { timeout: 60_000, interval: 200 },
      )
      .toBe("admitted");
    expect(navigations).toBe(0);
    expect(seen.has("early") || seen.has("waiting")).toBe(true);

    await page.getByTestId("onsale-sign-in").click();
    await page.getByTestId("onsale-signed-in").waitFor();
    expect(wallet.prompts().map((p) => p.method)).toContain("personal_sign");

    // A malformed ID is refused by the server, in words, before any voucher exists.
    await page.getByTestId("voucher-id-number").fill("no!");
    await page.getByTestId("voucher-submit").click();
    await expect.poll(() => page.getByTestId("voucher-error").getAttribute("data-error-code")).toBe("IDENTITY_INVALID");
    await screenshot(page, "onsale-id-refused");

    await page.getByTestId("voucher-quantity").fill("2");
    await page.getByTestId("voucher-id-number").fill("AB1234567");
    await page.getByTestId("voucher-submit").click();
    const claim = page.getByTestId("claim-voucher");
    await claim.waitFor();
    expect(await claim.getAttribute("data-quantity")).toBe("2");
    expect(await page.getByTestId("voucher-price").innerText()).toBe("0.06 ETH");
    // The ID number is not kept in the browser either.
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain("AB1234567");
    await screenshot(page, "onsale-voucher");

    expect(await settledTx(page, "claim-status", () => page.getByTestId("claim-submit").click())).toMatchObject({
      status: "confirmed",
    });
    await page.getByTestId("claim-done").waitFor();
    await screenshot(page, "onsale-claimed");
    const { publicClient } = await localClients(s.rpcUrl);
    expect(
      await publicClient.readContract({
        address: contract,
        abi: eventTicketAbi,
        functionName: "balanceOf",
        args: [FAN],
      }),
    ).toBe(2n);
    const first = await publicClient.readContract({
      address: contract,
      abi: eventTicketAbi,
      functionName: "identityOf",
      args: [1n],
    });
    expect(first).not.toBe(`0x${"0".repeat(64)}`);

    // The ticket page explains the binding and shows the on-chain fingerprint (never the ID).
    await page.goto(`${s.appUrl}/tickets/${contract}/1`);
    const identity = page.getByTestId("identity-panel");
    expect(await identity.getAttribute("data-identity")).toBe("bound");
    expect(await page.getByTestId("identity-fingerprint").innerText()).toBe(`${first.slice(0, 10)}…${first.slice(-8)}`);
    expect(await identity.innerText()).toContain("Bring the ID you entered");
    await screenshot(page, "ticket-identity-bound");
    await page.goto(`${s.appUrl}/sale/${SALE}`);

    // Back on the sale page the voucher is still here; redeeming it again is refused with the decoded custom error.
    await claim.waitFor();
    const again = await settledTx(page, "claim-status", () => page.getByTestId("claim-submit").click());
    expect(again).toMatchObject({ status: "failed", code: "EventTicketVoucherUsed" });
    expect(again.text).toContain("already used");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a second wallet with the same ID number is refused by the per-identity cap", async () => {
    const { page, context } = await s.openAs(OTHER_FAN, `/sale/${SALE}`);
    await page.getByTestId("join-submit").click();
    await expect
      .poll(() => page.getByTestId("queue-status").getAttribute("data-state"), { timeout: 60_000, interval: 200 })
      .toBe("admitted");
    await page.getByTestId("onsale-sign-in").click();
    await page.getByTestId("onsale-signed-in").waitFor();
    await page.getByTestId("voucher-id-number").fill("ab-1234567 ");
    await page.getByTestId("voucher-submit").click();
    await expect
      .poll(() => page.getByTestId("voucher-error").getAttribute("data-error-code"))
      .toBe("IDENTITY_CAP_REACHED");
    expect(await page.getByTestId("voucher-error").innerText()).toContain("already has the most tickets");
    await screenshot(page, "onsale-identity-cap");
    await context.close();
  });
});
