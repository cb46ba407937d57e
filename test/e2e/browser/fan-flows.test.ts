/**
 * Fan flows in a real browser against the real stack: buy at face value, see the ticket, resell
 * under the cap (refused above it before the wallet opens), another fan buys the resale, send a
 * free-transfer ticket, and a clear explanation where a tier forbids sending.
 */
import { parseEther } from "viem";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi, resaleMarketAbi } from "../../../lib/generated/abis";
import { localClients } from "../../../scripts/lib/local-clients";
import { chromiumSkipReason, screenshot } from "../../helpers/browser";
import { settledTx, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";

/** The JSON-RPC methods the page sends to the chain from now on (a batch counts each call). */
function countRpc(page: Page, rpcUrl: string): string[] {
  const chain = new URL(rpcUrl).origin;
  const methods: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(chain)) return;
    const body = r.postDataJSON() as { method: string } | { method: string }[] | null;
    methods.push(...(Array.isArray(body) ? body : body ? [body] : []).map((m) => m.method));
  });
  return methods;
}

const FAN = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65"; // account #4
const SECOND_FAN = "0x90F79bf6EB2c4f870365E785982E1f101E93b906"; // account #3
const FRIEND = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"; // account #2

describe.skipIf(chromiumSkipReason)("browser: fan buys, resells under the cap, transfers", () => {
  let s: BrowserStack;
  let tokenId: string;

  beforeAll(async () => {
    s = await startBrowserStack();
  });
  afterAll(async () => {
    await s?.close();
  });

  it("buys a general ticket at face value and sees it in My tickets and on its page", async () => {
    const { page, context, errors } = await s.openAs(FAN, `/events/${s.tiered.ticket}`);
    const general = page.locator('[data-testid="tier-card"][data-tier="0"]');
    await expect.poll(() => general.getByTestId("tier-price").innerText()).toBe("0.05 ETH");
    await screenshot(page, "fan-event-page");
    expect(
      await settledTx(
        page,
        "tx-status",
        () => general.getByTestId("buy-tier").click(),
        '[data-testid="tier-card"][data-tier="0"]',
      ),
    ).toMatchObject({ status: "confirmed" });

    await page.goto(`${s.appUrl}/`);
    const card = page.locator(`[data-testid="ticket-card"][data-contract="${s.tiered.ticket}"]`);
    await card.waitFor();
    tokenId = (await card.getAttribute("data-token-id"))!;
    await card.getByTestId("ticket-link").click();
    await page.getByTestId("ticket-detail").waitFor();
    expect(await page.getByTestId("ticket-tier").innerText()).toContain("Tier 0");
    expect(await page.getByTestId("ticket-zones").innerText()).toBe("General");
    expect(await page.getByTestId("face-value").innerText()).toBe("0.05 ETH");
    expect(await page.getByTestId("resale-cap").innerText()).toContain("0.06 ETH");
    await page.locator('[data-testid="provenance-entry"][data-kind="minted"]').waitFor();
    await screenshot(page, "fan-ticket-page");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("a refresh of the ticket page sends at most 3 JSON-RPC calls, all eth_call (was 36-41 with logs from block 0)", async () => {
    const { page, context } = await s.openAs(FAN, `/tickets/${s.tiered.ticket}/${tokenId}`);
    await page.locator('[data-testid="chain-reads-settled"][data-settled="true"]').waitFor({ state: "attached" });
    const methods = countRpc(page, s.rpcUrl);
    await page.reload();
    await page.locator('[data-testid="provenance-entry"][data-kind="minted"]').waitFor();
    await page.locator('[data-testid="chain-reads-settled"][data-settled="true"]').waitFor({ state: "attached" });
    console.log(`ticket page refresh (holder): ${methods.length} JSON-RPC calls: ${methods.join(", ")}`);
    expect(methods.length).toBeGreaterThan(0);
    expect(methods.length).toBeLessThanOrEqual(3);
    expect(new Set(methods)).toEqual(new Set(["eth_call"]));
    await context.close();
  });

  it("is refused above the cap before the wallet opens, then lists at the cap", async () => {
    const { page, context, wallet } = await s.openAs(FAN, `/tickets/${s.tiered.ticket}/${tokenId}`);
    await page.getByTestId("resell-price").waitFor();
    const promptsBefore = wallet.prompts().length;
    await page.getByTestId("resell-price").fill("0.07");
    const refused = await settledTx(page, "resell-status", () => page.getByTestId("resell-submit").click());
    expect(refused).toMatchObject({ status: "failed", code: "PRICE_ABOVE_CAP" });
    expect(refused.text).toContain("above this ticket's resale cap of 0.06 ETH");
    expect(wallet.prompts().length).toBe(promptsBefore);
    await screenshot(page, "fan-resell-refused");

    await page.getByTestId("resell-price").fill("0.06");
    await page.getByTestId("resell-submit").click();
    await page
      .locator('[data-testid="resell-status"][data-status="confirmed"]')
      .filter({ hasText: "Listing" })
      .waitFor({ timeout: 30_000 });
    expect(wallet.prompts().map((p) => p.method)).toEqual(["eth_sendTransaction", "eth_sendTransaction"]); // approve, list
    await expect.poll(() => page.getByTestId("ticket-status-text").innerText()).toContain("For resale at 0.06 ETH");
    const { publicClient } = await localClients(s.rpcUrl);
    const market = await publicClient.readContract({
      address: s.tiered.ticket,
      abi: eventTicketAbi,
      functionName: "market",
    });
    const [seller, price] = await publicClient.readContract({
      address: market,
      abi: resaleMarketAbi,
      functionName: "listings",
      args: [s.tiered.ticket, BigInt(tokenId)],
    });
    expect(seller).toBe(FAN);
    expect(price).toBe(parseEther("0.06"));
    await screenshot(page, "fan-resell-listed");
    await context.close();
  });

  it("another fan buys the resale listing; the history shows the sale", async () => {
    const { page, context } = await s.openAs(SECOND_FAN, `/events/${s.tiered.ticket}`);
    const listing = page.locator(`[data-testid="listing"][data-token-id="${tokenId}"]`);
    expect(await settledTx(page, "listing-tx-status", () => listing.getByTestId("buy-listing").click())).toMatchObject({
      status: "confirmed",
    });
    const { publicClient } = await localClients(s.rpcUrl);
    expect(
      await publicClient.readContract({
        address: s.tiered.ticket,
        abi: eventTicketAbi,
        functionName: "ownerOf",
        args: [BigInt(tokenId)],
      }),
    ).toBe(SECOND_FAN);
    await page.goto(`${s.appUrl}/tickets/${s.tiered.ticket}/${tokenId}`);
    await page.locator('[data-testid="provenance-entry"][data-kind="sold"]').waitFor();
    expect(await page.locator('[data-testid="provenance-entry"][data-kind="sold"]').innerText()).toContain("0.06 ETH");
    await context.close();
  });

  it("sends a free-transfer ticket to a friend, and explains why a market-only ticket cannot be sent", async () => {
    const { page, context } = await s.openAs(SECOND_FAN, `/tickets/${s.tiered.ticket}/${tokenId}`);
    await page.getByTestId("transfer-to").fill("0x1234");
    expect(await settledTx(page, "transfer-status", () => page.getByTestId("transfer-submit").click())).toMatchObject({
      status: "failed",
      code: "INVALID_ADDRESS",
    });
    await page.getByTestId("transfer-to").fill(FRIEND);
    expect(await settledTx(page, "transfer-status", () => page.getByTestId("transfer-submit").click())).toMatchObject({
      status: "confirmed",
    });
    await page.getByTestId("ticket-handed-over").filter({ hasText: "Sending ticket" }).waitFor();
    const { publicClient } = await localClients(s.rpcUrl);
    expect(
      await publicClient.readContract({
        address: s.tiered.ticket,
        abi: eventTicketAbi,
        functionName: "ownerOf",
        args: [BigInt(tokenId)],
      }),
    ).toBe(FRIEND);

    // A VIP (market-only) ticket: the page explains instead of offering a send.
    await page.goto(`${s.appUrl}/events/${s.tiered.ticket}`);
    const vip = page.locator('[data-testid="tier-card"][data-tier="1"]');
    expect(
      await settledTx(
        page,
        "tx-status",
        () => vip.getByTestId("buy-tier").click(),
        '[data-testid="tier-card"][data-tier="1"]',
      ),
    ).toMatchObject({ status: "confirmed" });
    const total = await publicClient.readContract({
      address: s.tiered.ticket,
      abi: eventTicketAbi,
      functionName: "totalMinted",
    });
    await page.goto(`${s.appUrl}/tickets/${s.tiered.ticket}/${total}`);
    expect(await page.getByTestId("transfer-blocked").innerText()).toContain("only through the official resale market");
    expect(await page.getByTestId("ticket-zones").innerText()).toBe("General, VIP");
    await screenshot(page, "fan-transfer-blocked");
    await context.close();
  });

  it("offers a complimentary ticket for free, never for money, and says why before the wallet opens", async () => {
    const holder = s.demo.holders[0]!;
    const id = holder.tokenIds[0]!;
    const { page, context, wallet } = await s.openAs(holder.account, `/tickets/${s.demo.ticket}/${id}`);
    const notice = page.getByTestId("resell-free-only");
    await notice.waitFor();
    expect(await notice.innerText()).toBe(
      "Complimentary tickets can be passed on for free, not sold: list it at price 0 or send it.",
    );
    expect(await page.getByTestId("resell-price").count()).toBe(0); // no price to type
    await page.getByTestId("resell-free-submit").click();
    await page
      .locator('[data-testid="resell-status"][data-status="confirmed"]')
      .filter({ hasText: "Listing" })
      .waitFor({ timeout: 30_000 });
    expect(wallet.prompts().map((p) => p.method)).toEqual(["eth_sendTransaction", "eth_sendTransaction"]); // approve, list at 0
    const { publicClient } = await localClients(s.rpcUrl);
    const market = await publicClient.readContract({
      address: s.demo.ticket,
      abi: eventTicketAbi,
      functionName: "market",
    });
    expect(
      await publicClient.readContract({
        address: market,
        abi: resaleMarketAbi,
        functionName: "listings",
        args: [s.demo.ticket, id],
      }),
    ).toEqual([holder.account, 0n]);
    await screenshot(page, "fan-complimentary-free-handover");
    await context.close();
  });

  // Last: it stops the indexer for good.
  it("with the indexer down, the ticket page says so in words and still reads only its pre-transaction checks", async () => {
    const { page, context } = await s.openAs(FRIEND, `/tickets/${s.tiered.ticket}/${tokenId}`);
    await page.locator('[data-testid="provenance-entry"][data-kind="sold"]').waitFor();
    const exited = new Promise((resolve) => s.indexer.child.once("exit", resolve));
    process.kill(-s.indexer.child.pid!, "SIGKILL");
    await exited;
    const methods = countRpc(page, s.rpcUrl);
    await page.reload();
    const error = page.getByTestId("provenance-error");
    await error.waitFor();
    expect(await error.innerText()).toContain(
      "The indexer is not answering, so this ticket's history cannot be shown right now.",
    );
    await page.locator('[data-testid="chain-reads-settled"][data-settled="true"]').waitFor({ state: "attached" });
    expect(await page.getByTestId("ticket-status-text").innerText()).toBe("Valid"); // the chain still answers for the ticket itself
    await expect.poll(() => page.getByTestId("indexer-status").getAttribute("data-state")).toBe("down");
    expect(methods.length).toBeLessThanOrEqual(3);
    expect(new Set(methods)).toEqual(new Set(["eth_call"]));
    await screenshot(page, "fan-ticket-indexer-down");
    await context.close();
  });
});
