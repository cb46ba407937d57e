/**
 * The leak report on a generated event on a local (in-process Hardhat) chain where sponsor tickets
 * are handed on through the official market at price 0 (scripts/lib/leak-scenario.ts): synced by the real sync engine,
 * read through the typed client, checked ticket by ticket, and printed for the closing note.
 */
import { getAddress, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ticketFactoryAbi } from "../../lib/generated/abis";
import { createIndexerClient, openOrganizerSession, type LeaksResponse } from "../../lib/indexer-client";
import { createTestApp, type TestApp } from "../../indexer/testing/test-app";
import { formatLeakReport } from "../../scripts/cli/leaks/format-leak-report";
import { runLeakScenario, type LeakScenario } from "../../scripts/lib/leak-scenario";

let t: TestApp;
let scenario: LeakScenario;
let report: LeaksResponse;

beforeAll(async () => {
  t = await createTestApp();
  const market = (await t.chain.publicClient.readContract({
    address: t.chain.factory,
    abi: ticketFactoryAbi,
    functionName: "market",
  })) as Address;
  scenario = await runLeakScenario({
    publicClient: t.chain.publicClient,
    wallets: t.chain.wallets,
    factory: t.chain.factory,
    market,
  });
  await t.sync.syncToHead();
  const fetch = ((input: string | URL | Request, init?: RequestInit) =>
    t.app.request(String(input).replace("http://indexer.test", ""), init)) as typeof globalThis.fetch;
  // The report is the organizer's: one SIWE sign-in by the event's admin (account 0).
  const org = t.chain.organizer;
  const session = await openOrganizerSession(
    "http://indexer.test",
    scenario.event,
    { address: org.account!.address, signMessage: (message) => org.signMessage({ account: org.account!, message }) },
    { fetch },
  );
  report = await createIndexerClient({ baseUrl: "http://indexer.test", fetch }).analytics.leaks(
    scenario.event,
    {},
    { token: session.token },
  );
});
afterAll(() => t?.close());

describe("leak report on a local chain", () => {
  it("prints the report", () => {
    console.log(`\n${formatLeakReport(report).join("\n")}\n`);
  });

  it("counts per channel, with the configured quotas and rules", () => {
    const by = Object.fromEntries(report.channels.map((c) => [c.name, c]));
    expect(by.public).toMatchObject({ channel: 0, quota: 85, issued: 3, reported: 0 });
    expect(by.sponsor).toMatchObject({
      channel: 1,
      quota: 10,
      mode: "MarketOnly",
      issued: 5,
      moved: 2,
      listed: 3,
      heldByPublicBuyer: 2,
    });
    expect(by.staff).toMatchObject({ channel: 2, quota: 3, mode: "Locked", issued: 2, reported: 0 });
    expect(by.artist).toMatchObject({ channel: 3, issued: 2, moved: 1, reported: 1, heldByPublicBuyer: 1 });
    expect(scenario.listingOfStaffRefused).toBe(true);
  });

  it("lists each leaked ticket with its chain: sponsor → scalper → fan via two market hand-overs", () => {
    const [s0, s1, s2, , toFan3] = scenario.sponsorTokens.map(String);
    const ids = report.tickets.map((x) => x.tokenId);
    expect(ids).toEqual([s0, s1, s2, toFan3, String(scenario.artistTokens[0])]);
    const relay = report.tickets.find((x) => x.tokenId === s1)!;
    expect(relay.chain.map((h) => h.kind)).toEqual(["mint", "sale", "sale"]);
    // Sponsor tickets are complimentary: the market hands them over only at price 0 (any payment is off chain).
    expect(relay.chain.map((h) => h.price)).toEqual([null, "0", "0"]);
    const [mint, first, second] = relay.chain;
    expect(first!.from).toBe(mint!.to);
    expect(second!.from).toBe(first!.to);
    expect(relay.holder).toBe(getAddress(second!.to));
    expect(relay.holderBoughtPublicly).toBe(true); // fan1 bought at the public sale too
    expect(report.tickets.find((x) => x.tokenId === s2)).toMatchObject({
      moves: 0,
      listings: 1,
      holderBoughtPublicly: false,
    });
    expect(report.tickets.find((x) => x.tokenId === toFan3)).toMatchObject({
      moves: 0,
      listings: 0,
      holderBoughtPublicly: true,
    });
    const artist = report.tickets.find((x) => x.tokenId === String(scenario.artistTokens[0]))!;
    expect(artist.chain.map((h) => h.kind)).toEqual(["mint", "transfer", "transfer"]);
  });
});
