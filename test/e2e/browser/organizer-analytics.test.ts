/**
 * The organizer dashboard draws the indexer's analytics, through the real processes: holders of
 * the demo event are admitted at two gates (challenge mode, wallets sign SIWE), one ticket is
 * resold through the market; the analytics API counts them, and the dashboard in a real browser
 * shows scans per gate, the arrival curve, no-shows per tier, resale prices against the cap and
 * the hoarding table, once the organizer signed in (the server shows them to nobody else).
 */
import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi, resaleMarketAbi } from "../../../lib/generated/abis";
import { buildChallengeMessage, type GateChallenge } from "../../../lib/gate/challenge-message";
import { createIndexerClient, openOrganizerSession } from "../../../lib/indexer-client";
import { localClients } from "../../../scripts/lib/local-clients";
import { waitFor } from "../../../scripts/lib/wait";
import { chromiumSkipReason, screenshot } from "../../helpers/browser";
import { startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";

const ORGANIZER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266" as Address;

describe.skipIf(chromiumSkipReason)("browser: organizer dashboard from the indexer's analytics", () => {
  let s: BrowserStack;

  beforeAll(async () => {
    s = await startBrowserStack();
  });
  afterAll(async () => {
    await s?.close();
  });

  it("admissions at two gates and a resale show up in the analytics API and on the dashboard", async () => {
    const clients = await localClients(s.rpcUrl);
    const indexer = createIndexerClient({ baseUrl: s.indexerUrl, timeoutMs: 20_000 });
    const event = s.demo.ticket;
    // The analytics are the organizer's: one SIWE sign-in per event (no transaction).
    const signer = {
      address: ORGANIZER,
      signMessage: (message: string) => clients.wallet(ORGANIZER).signMessage({ account: ORGANIZER, message }),
    };
    const asOrganizer = async (contract: Address) => ({
      token: (await openOrganizerSession(s.indexerUrl, contract, signer)).token,
    });
    const demo = await asOrganizer(event);
    expect((await fetch(`${s.indexerUrl}/analytics/${event}/gates`)).status).toBe(401);
    const post = async (path: string, body: unknown) => {
      const res = await fetch(`${s.indexerUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return res.json() as Promise<unknown>;
    };
    const admit = async (holder: Address, tokenId: bigint, gateId: string) => {
      const challenge = (await post("/gate/challenge", { contract: event, gateId })) as GateChallenge;
      const message = buildChallengeMessage(challenge, holder, tokenId);
      const signature = await clients.wallet(holder).signMessage({ account: holder, message });
      expect(await post("/gate/scan", { message, signature })).toMatchObject({ result: "ADMIT" });
    };
    const resellAtCap = async (ticket: Address, seller: Address, tokenId: bigint) => {
      const market = await clients.publicClient.readContract({
        address: ticket,
        abi: eventTicketAbi,
        functionName: "market",
      });
      const cap = await clients.publicClient.readContract({
        address: ticket,
        abi: eventTicketAbi,
        functionName: "maxResalePrice",
        args: [tokenId],
      });
      const buyer = clients.accounts[5]!;
      const mined = async (hash: `0x${string}`) =>
        expect((await clients.publicClient.waitForTransactionReceipt({ hash })).status).toBe("success");
      await mined(
        await clients.wallet(seller).writeContract({
          address: ticket,
          abi: eventTicketAbi,
          functionName: "approve",
          args: [market, tokenId],
          account: seller,
          chain: clients.chain,
        }),
      );
      await mined(
        await clients.wallet(seller).writeContract({
          address: market,
          abi: resaleMarketAbi,
          functionName: "list",
          args: [ticket, tokenId, cap],
          account: seller,
          chain: clients.chain,
        }),
      );
      await mined(
        await clients.wallet(buyer).writeContract({
          address: market,
          abi: resaleMarketAbi,
          functionName: "buy",
          args: [ticket, tokenId, cap],
          value: cap,
          account: buyer,
          chain: clients.chain,
        }),
      );
    };
    const [a, b, c] = s.demo.holders as [
      (typeof s.demo.holders)[0],
      (typeof s.demo.holders)[0],
      (typeof s.demo.holders)[0],
    ];
    await waitFor(
      "the demo mint indexed",
      async () =>
        (await indexer.ticketsByOwner(c.account, { contract: event })).tickets.length > 0 ? true : undefined,
      { timeoutMs: 30_000 },
    );
    await admit(a.account, a.tokenIds[0]!, "north-1");
    await admit(b.account, b.tokenIds[0]!, "north-1");
    await admit(c.account, c.tokenIds[0]!, "south-2");

    // Holder A resells its second ticket (a free comp ticket: face 0, so cap 0) at the cap.
    await resellAtCap(event, a.account, a.tokenIds[1]!);
    await waitFor(
      "the resale indexed",
      async () =>
        (await indexer.analytics.resalePrices(event, {}, demo)).tiers.some((t) => t.sales === 1) ? true : undefined,
      { timeoutMs: 30_000 },
    );
    const arrivals = await indexer.analytics.arrivals(event, {}, demo);
    expect(arrivals.gates).toEqual(["north-1", "south-2"]);
    expect(arrivals.total).toBe(3);
    const gates = await indexer.analytics.gates(event, demo);
    expect(gates.gates.map((g) => [g.gateId, g.admitted])).toEqual([
      ["north-1", 2],
      ["south-2", 1],
    ]);
    const resale = (await indexer.analytics.resalePrices(event, {}, demo)).tiers.find((t) => t.sales === 1)!;
    expect(resale).toMatchObject({ atCap: 1, aboveCap: 0, faceValue: "0", maxPrice: "0", buckets: [] });
    const noShows = await indexer.analytics.noShows(event, demo);
    expect(noShows).toMatchObject({ started: false, total: { minted: 4, attended: 3, noShows: null } });

    const { page, context, errors } = await s.openAs(ORGANIZER, `/organizer/events/${event}`);
    await page.getByTestId("analytics-sign-in").click();
    await page
      .locator('[data-testid="chart-scans"] .recharts-bar-rectangle')
      .first()
      .waitFor({ state: "attached", timeout: 30_000 });
    const scansText = await page.getByTestId("chart-scans").innerText();
    expect(scansText).toContain("north-1");
    expect(scansText).toContain("south-2");
    await page.locator('[data-testid="chart-arrivals"] .recharts-area').first().waitFor({ state: "attached" });
    await page.locator('[data-testid="chart-no-shows"] .recharts-bar-rectangle').first().waitFor({ state: "attached" });
    expect(await page.getByTestId("no-show-rates").getAttribute("data-started")).toBe("false");
    // Free tickets have no "% of face": listed, not drawn.
    expect(await page.getByTestId("resale-tier").getAttribute("data-at-cap")).toBe("1");
    await page.getByTestId("chart-resales-empty").waitFor();
    await page.getByTestId("heavy-holders-empty").waitFor();
    await screenshot(page, "organizer-analytics");

    // A paid ticket of the tiered event resold at its cap: drawn in the histogram, in the cap's bucket.
    const tiered = s.tiered.ticket;
    const tieredAuth = await asOrganizer(tiered);
    await resellAtCap(tiered, s.tiered.buyer.account, s.tiered.buyer.tokenIds[0]!);
    await waitFor(
      "the tiered resale indexed",
      async () =>
        (await indexer.analytics.resalePrices(tiered, {}, tieredAuth)).tiers.some((t) => t.sales === 1)
          ? true
          : undefined,
      { timeoutMs: 30_000 },
    );
    const paid = (await indexer.analytics.resalePrices(tiered, {}, tieredAuth)).tiers.find((t) => t.sales === 1)!;
    expect(paid.atCap).toBe(1);
    expect(paid.buckets).toEqual([
      {
        fromBps: Math.floor(paid.resaleCapBps / 1_000) * 1_000,
        toBps: Math.floor(paid.resaleCapBps / 1_000) * 1_000 + 1_000,
        sales: 1,
      },
    ]);
    await page.goto(`${new URL(page.url()).origin}/organizer/events/${tiered}`);
    await page.getByTestId("analytics-sign-in").click(); // a session is per event
    await page
      .locator('[data-testid="chart-resales"] .recharts-bar-rectangle')
      .first()
      .waitFor({ state: "attached", timeout: 30_000 });
    expect(await page.getByTestId("resale-tier").getAttribute("data-at-cap")).toBe("1");
    await screenshot(page, "organizer-analytics-resales");
    expect(errors).toEqual([]);
    await context.close();
  });
});
