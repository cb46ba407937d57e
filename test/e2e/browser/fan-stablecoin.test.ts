/**
 * A stablecoin-priced event in a real browser against the real stack: the event page shows prices
 * in the token (6 decimals, its symbol), and a fan buys with one EIP-2612 permit signature plus one
 * transaction (no separate approve); the face value lands in the ticket's escrow in the token.
 */
import { erc20Abi } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi } from "../../../lib/generated/abis";
import {
  createStablecoinDemoEvent,
  DEMO_FAN_USD,
  type StablecoinDemoEvent,
} from "../../../scripts/demo-stablecoin-event";
import { localClients } from "../../../scripts/lib/local-clients";
import { chromiumSkipReason, screenshot } from "../../helpers/browser";
import { settledTx, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";

const FAN = "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955"; // account #7

describe.skipIf(chromiumSkipReason)("browser: buying a stablecoin ticket with a permit", () => {
  let s: BrowserStack;
  let demo: StablecoinDemoEvent;

  beforeAll(async () => {
    s = await startBrowserStack();
    demo = await createStablecoinDemoEvent({ rpcUrl: s.rpcUrl, factory: s.factory, fans: [7] });
  });
  afterAll(async () => {
    await s?.close();
  });

  it("shows token prices and buys with one signature and one transaction", async () => {
    expect(demo.funded).toEqual([FAN]);
    const { page, context, wallet, errors } = await s.openAs(FAN, `/events/${demo.ticket}`);
    const general = page.locator('[data-testid="tier-card"][data-tier="0"]');
    await expect.poll(() => general.getByTestId("tier-price").innerText(), { timeout: 30_000 }).toBe("25 mUSD");
    expect(await general.getByTestId("buy-tier").innerText()).toBe("Buy 1 for 25 mUSD");
    expect(
      await settledTx(
        page,
        "tx-status",
        () => general.getByTestId("buy-tier").click(),
        '[data-testid="tier-card"][data-tier="0"]',
      ),
    ).toMatchObject({ status: "confirmed" });
    expect(wallet.prompts().map((p) => p.method)).toEqual(["eth_signTypedData_v4", "eth_sendTransaction"]);
    await screenshot(page, "fan-stablecoin-bought");
    expect(errors).toEqual([]);
    await context.close();

    const { publicClient } = await localClients(s.rpcUrl);
    expect(
      await publicClient.readContract({
        address: demo.ticket,
        abi: eventTicketAbi,
        functionName: "ownerOf",
        args: [1n],
      }),
    ).toBe(FAN);
    expect(
      await publicClient.readContract({
        address: demo.token,
        abi: erc20Abi,
        functionName: "balanceOf",
        args: [demo.ticket],
      }),
    ).toBe(25_000_000n);
    expect(
      await publicClient.readContract({ address: demo.token, abi: erc20Abi, functionName: "balanceOf", args: [FAN] }),
    ).toBe(DEMO_FAN_USD - 25_000_000n);
    expect(
      await publicClient.readContract({
        address: demo.token,
        abi: erc20Abi,
        functionName: "allowance",
        args: [FAN, demo.ticket],
      }),
    ).toBe(0n);
  });
});
