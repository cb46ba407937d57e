/** GET /check: the public ticket check against a synced mirror of a real scenario (sales, listings, check-ins, cancellation). */
import { getAddress, type Address, type WalletClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIndexerClient, type IndexerClient } from "../../lib/indexer-client";
import { encodePass } from "../../lib/pass/payload";
import { COMPLIMENTARY_WARNING, OFF_MARKET_WARNING, PASS_WARNING } from "../../lib/ticket-check/ticket-check-verdict";
import { chainActivity, TIER0_FACE } from "../testing/activity";
import { createTestApp, type TestApp } from "../testing/test-app";

describe("public ticket check", { timeout: 120_000 }, () => {
  let t: TestApp;
  let client: IndexerClient;
  let ticket: Address;
  let cancelled: Address;

  beforeAll(async () => {
    t = await createTestApp();
    client = createIndexerClient({
      baseUrl: "http://indexer.test",
      fetch: ((input: string | URL | Request, init?: RequestInit) =>
        t.app.request(String(input).replace("http://indexer.test", ""), init)) as typeof fetch,
    });
    const activity = chainActivity({
      publicClient: t.chain.publicClient,
      wallets: [t.chain.organizer, t.chain.alice, t.chain.bob, t.chain.carol] as WalletClient[],
      factory: t.chain.factory,
    });
    ticket = await activity.createTieredEvent("Fairgate Live");
    await activity.scenario(ticket, 0);
    cancelled = await activity.createTieredEvent("Called Off");
    await activity.scenario(cancelled, 1);
    await activity.cancelAndRefund(cancelled);
    await t.sync.syncToHead();
  });
  afterAll(() => t.close());

  it("a listed ticket is genuine: holder, cap and the official listing, no personal data", async () => {
    const detail = await client.ticket(ticket, 6n);
    const check = await client.checkTicket(`${ticket}/6`);
    expect(check.verdict).toBe("genuine");
    expect(check.ticket).toMatchObject({
      holder: detail.ticket.owner,
      faceValue: TIER0_FACE.toString(),
      maxResalePrice: detail.ticket.maxResalePrice,
      checkedIn: false,
    });
    expect(check.ticket!.officialListing).toMatchObject({
      price: detail.listing!.price,
      seller: detail.ticket.owner,
      stale: false,
    });
    expect(check.warnings).toContain(OFF_MARKET_WARNING);
    expect(Object.keys(check.ticket!)).not.toContain("identityCommitment");
    expect(check.warnings).not.toContain(COMPLIMENTARY_WARNING); // bought: it may be sold under its cap
  });

  it("warns that a complimentary ticket is handed on for free, never sold", async () => {
    const comp = await client.checkTicket(`${ticket}/1`);
    expect(comp.verdict).toBe("genuine");
    expect(comp.warnings).toContain(COMPLIMENTARY_WARNING);
  });

  it("says so when a ticket was already used, or its event is cancelled", async () => {
    expect((await client.checkTicket(`${ticket}/3`)).verdict).toBe("used");
    const voided = await client.checkTicket(`${cancelled}/1`);
    expect(voided.verdict).toBe("void");
    expect(voided.warnings.join(" ")).toMatch(/cancelled/);
  });

  it("counts a gate's admission before the chain knows: used, with its time, its listing stale, and the change stream says so", async () => {
    const before = await client.checkTicket(`${ticket}/6`);
    expect(before.ticket!.officialListing!.stale).toBe(false);
    const owner = before.ticket!.holder.toLowerCase();
    const wallet = [t.chain.alice, t.chain.bob, t.chain.carol].find((w) => w.account!.address.toLowerCase() === owner)!;
    const streamed = new Promise((resolve) => {
      const stop = t.changes.subscribe((e) => {
        if (e.type !== "admission") return;
        stop();
        resolve(e);
      });
    });
    const { verdict } = await t.scan(await t.answer(await t.challenge(ticket), wallet, 6n));
    expect(verdict.result).toBe("ADMIT");
    expect(await streamed).toMatchObject({ type: "admission", contracts: [getAddress(ticket)], tickets: 1 });
    const after = await client.checkTicket(`${ticket}/6`);
    expect(after.verdict).toBe("used");
    expect(after.ticket).toMatchObject({
      checkedIn: true,
      checkedInOnChain: false,
      checkedInAt: verdict.result === "ADMIT" ? verdict.checkedInAt : null,
    });
    expect(after.ticket!.officialListing!.stale).toBe(true);
    expect((await client.listings({ contract: ticket, tokenId: 6n, status: "open" })).listings[0]!.stale).toBe(true);
  });

  it("explains market-only tickets with the cap, and warns that a seller's pass proves nothing", async () => {
    const detail = await client.ticket(ticket, 4n);
    const pass = encodePass(
      { chainId: t.chain.chainId, contract: ticket, tokenId: 4n, slot: 1, keyId: new Uint8Array(8) },
      new Uint8Array(64),
    );
    const check = await client.checkTicket(pass);
    expect(check.reference).toMatchObject({ source: "pass", tokenId: "4", contract: getAddress(ticket) });
    expect(check.ticket!.transferMode).toBe("market-only");
    expect(check.warnings.join(" ")).toContain(`at most ${detail.ticket.maxResalePrice} wei`);
    expect(check.warnings).toContain(PASS_WARNING);
    const otherChain = encodePass(
      { chainId: 1, contract: ticket, tokenId: 4n, slot: 1, keyId: new Uint8Array(8) },
      new Uint8Array(64),
    );
    expect((await client.checkTicket(otherChain)).verdict).toBe("wrong-chain");
  });

  it("unknown tickets are unknown (200), unreadable input is a 400 with a reason", async () => {
    const unknown = await client.checkTicket(`${ticket}/999`);
    expect(unknown).toMatchObject({ verdict: "unknown", ticket: null });
    await expect(client.checkTicket("not a ticket")).rejects.toMatchObject({
      status: 400,
      apiCode: "INVALID_REFERENCE",
    });
    const res = await t.app.request(`/check?q=${"x".repeat(3_000)}`);
    expect(res.status).toBe(400);
    expect((await t.app.request("/check")).status).toBe(400);
  });
});
