/**
 * Buying reserved seats in real browsers (the arena demo event: two reserved tiers, a generated
 * layout): fan A picks the best two seats and buys them through the seat map, one transaction;
 * fan B's open map shows them sold without a reload, measured from the purchase's block; B, who
 * had chosen one of those seats, is refused in words ("someone bought one of these seats") and
 * pays nothing; A's tickets and pass name their seats.
 */
import { getAddress } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { createSeatedDemoEvent, uploadSeatedDemoVenue, type SeatedDemoEvent } from "../../../scripts/demo-seated-event";
import { localClients } from "../../../scripts/lib/local-clients";
import { waitFor } from "../../../scripts/lib/wait";
import { chromiumSkipReason, screenshot } from "../../helpers/browser";
import { settledTx, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";

const FAN_A = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"; // account #2
const FAN_B = "0x90F79bf6EB2c4f870365E785982E1f101E93b906"; // account #3

describe.skipIf(chromiumSkipReason)("browser: buying reserved seats", () => {
  let s: BrowserStack;
  let arena: SeatedDemoEvent;

  beforeAll(async () => {
    s = await startBrowserStack();
    arena = await createSeatedDemoEvent({ rpcUrl: s.rpcUrl, factory: s.factory });
    // The indexer must know the event's tiers before the layout is checked against them.
    const { publicClient } = await localClients(s.rpcUrl);
    const head = await publicClient.getBlockNumber();
    await waitFor(
      "the indexer to reach the arena's block",
      async () =>
        (((await (await fetch(`${s.indexerUrl}/health`)).json()) as { indexedBlock?: number }).indexedBlock ?? 0) >=
        Number(head)
          ? true
          : undefined,
      { timeoutMs: 30_000 },
    );
    await uploadSeatedDemoVenue({
      rpcUrl: s.rpcUrl,
      indexerUrl: s.indexerUrl,
      appHost: new URL(s.appUrl).host,
      ticket: arena.ticket,
    });
  }, 600_000);
  afterAll(async () => {
    await s?.close();
  });

  it("A buys two seats; B's map shows them sold within a second; B's purchase of one is refused in words", async () => {
    const { publicClient } = await localClients(s.rpcUrl);
    const path = `/events/${arena.ticket}/seats`;
    const b = await s.openAs(FAN_B, path);
    const pickerB = b.page.getByTestId("seat-picker");
    await b.page.locator('[data-testid="seat-picker"][data-live="true"]').waitFor({ timeout: 30_000 });
    // Live (the stream is open) says nothing of the first status read: wait for the sold seats themselves.
    await expect.poll(() => pickerB.getAttribute("data-sold"), { timeout: 30_000, interval: 100 }).toBe("2"); // fan #1's two demo seats

    const a = await s.openAs(FAN_A, path);
    await a.page.locator('[data-testid="seat-picker"][data-live="true"]').waitFor({ timeout: 30_000 });
    await a.page.getByTestId("best-count").selectOption("2");
    await a.page.getByTestId("best-available").click();
    const chosen = (await a.page.getByTestId("seat-selection").getAttribute("data-seats"))!.split(",").map(Number);
    expect(chosen).toHaveLength(2);
    // B has picked the same best seats (same algorithm, same map) and waits to pay.
    await b.page.getByTestId("best-count").selectOption("2");
    await b.page.getByTestId("best-available").click();
    expect(await b.page.getByTestId("seat-selection").getAttribute("data-seats")).toBe(chosen.join(","));

    // A buys; the test watches the chain for A's block and B's map for the change.
    const before = await publicClient.getBlockNumber();
    let minedAt = 0;
    const watch = (async () => {
      for (let i = 0; i < 3_000 && !minedAt; i++) {
        if ((await publicClient.getBlockNumber()) > before) minedAt = Date.now();
        else await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const seen = (async () => {
      await expect.poll(() => pickerB.getAttribute("data-sold"), { timeout: 30_000, interval: 20 }).toBe("4");
      return Date.now();
    })();
    expect(await settledTx(a.page, "buy-seats-status", () => a.page.getByTestId("buy-seats").click())).toMatchObject({
      status: "confirmed",
    });
    await watch;
    const soldSeenAt = await seen;
    const propagationMs = soldSeenAt - minedAt;
    console.log(`seats sold on A's block were shown on B's map ${propagationMs} ms later`);
    expect(minedAt).toBeGreaterThan(0);
    expect(propagationMs).toBeLessThan(5_000); // the target (≤ 1 s) is measured in npm run bench:seats, not asserted here
    await a.page.locator('[data-testid="seat-message"]').filter({ hasText: "Bought 2 seats" }).waitFor();
    await screenshot(b.page, "seat-purchase-seen-by-other");

    // B still has those seats selected and presses buy: refused before the wallet opens, in words.
    const balance = await publicClient.getBalance({ address: FAN_B });
    const refused = await settledTx(b.page, "buy-seats-status", () => b.page.getByTestId("buy-seats").click());
    expect(refused).toMatchObject({ status: "failed", code: "EventTicketSeatTaken" });
    expect(refused.text).toContain("Someone bought one of these seats");
    expect(await publicClient.getBalance({ address: FAN_B })).toBe(balance);

    // A owns the seats on chain, and the tickets say where they are.
    const owned = (await (await fetch(`${s.indexerUrl}/tickets?owner=${FAN_A}&contract=${arena.ticket}`)).json()) as {
      tickets: { tokenId: string; seat?: { section: string; row: string; number: number } }[];
    };
    expect(owned.tickets).toHaveLength(2);
    for (const t of owned.tickets) {
      expect(
        await publicClient.readContract({
          address: arena.ticket,
          abi: eventTicketAbi,
          functionName: "ownerOf",
          args: [BigInt(t.tokenId)],
        }),
      ).toBe(getAddress(FAN_A));
      expect(t.seat).toMatchObject({
        section: expect.stringMatching(/^S\d+$/),
        row: expect.any(String),
        number: expect.any(Number),
      });
    }
    // The pass names the seat too (the gate's ADMIT does, see indexer/seating/reserved-seats.test.ts).
    const first = owned.tickets[0]!;
    await a.page.goto(`${s.appUrl}/tickets/${arena.ticket}/${first.tokenId}/pass`);
    await a.page.getByTestId("pass-delegate").click();
    await a.page.locator('[data-testid="pass-qr"]:not([data-slot=""])').waitFor({ timeout: 30_000 });
    expect(await a.page.getByTestId("pass-seat").innerText()).toBe(
      `Section ${first.seat!.section} · Row ${first.seat!.row} · Seat ${first.seat!.number}`,
    );
    await screenshot(a.page, "seat-pass");
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
    await a.context.close();
    await b.context.close();
  });
});
