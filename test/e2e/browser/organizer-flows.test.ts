/**
 * Organizer flows in a real browser: create an event with two tiers, mint from a CSV (pasted
 * with mistakes, then uploaded) with the problems reported by line, a decoded refusal for an
 * early withdrawal, cancel, and the fan's refund afterwards. In between, the organizer opens a
 * waiting-room sale from the event's page: one transaction so the event accepts the waiting
 * room's vouchers, one signed message for an organizer session, then the sale and its public page.
 */
import { getAddress, parseEther, type Address } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventTicketAbi } from "../../../lib/generated/abis";
import { localClients } from "../../../scripts/lib/local-clients";
import { chromiumSkipReason, screenshot } from "../../helpers/browser";
import { settledTx, startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";

const ORGANIZER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const A1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const A2 = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
const A3 = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
const FAN = "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65";

describe.skipIf(chromiumSkipReason)("browser: organizer creates, mints from CSV, cancels; fan refunds", () => {
  let s: BrowserStack;
  let event: Address;

  beforeAll(async () => {
    s = await startBrowserStack();
  });
  afterAll(async () => {
    await s?.close();
  });

  it("creates an event with two tiers from the form", async () => {
    const { page, context, errors } = await s.openAs(ORGANIZER, "/organizer");
    await page.getByTestId("event-name-input").fill("Browser Fest");
    expect(
      await settledTx(page, "create-event-status", () => page.getByTestId("create-event-submit").click()),
    ).toMatchObject({ status: "confirmed" });
    // A validation problem is reported in words before anything is sent.
    await page.getByTestId("event-name-input").fill("");
    await page.getByTestId("create-event-submit").click();
    expect(await page.getByTestId("create-event-problems").innerText()).toContain("Name: is required");

    await page.getByTestId("event-name-input").fill("Browser Fest VIP");
    await page.getByTestId("add-tier").click();
    await page.locator('[data-testid="tier-fields"][data-tier="1"]').getByTestId("tier-face").fill("0.2");
    await page.getByTestId("create-event-submit").click();
    await page
      .locator('[data-testid="create-event-status"][data-status="confirmed"]')
      .filter({ hasText: "Browser Fest VIP" })
      .waitFor({ timeout: 30_000 });
    event = getAddress((await page.getByTestId("created-event-link").getAttribute("data-address"))!);
    await screenshot(page, "organizer-create-event");

    const { publicClient } = await localClients(s.rpcUrl);
    expect(await publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "tierCount" })).toBe(2);
    expect(
      (await publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "tier", args: [1] }))
        .faceValue,
    ).toBe(parseEther("0.2"));
    expect(await publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "organizer" })).toBe(
      ORGANIZER,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it("mints from a pasted CSV (bad lines and duplicates reported) and from an uploaded file", async () => {
    const { page, context } = await s.openAs(ORGANIZER, `/organizer/events/${event}`);
    await page
      .getByTestId("mint-csv")
      .fill(["wallet,name", `${A1},Ann`, `${A2},Bob`, `${A1.toLowerCase()},Ann again`, "0xnope,Broken"].join("\n"));
    const report = page.getByTestId("mint-report");
    expect(await report.getAttribute("data-valid")).toBe("2");
    const problems = await page
      .getByTestId("mint-problem")
      .evaluateAll((els) => els.map((e) => `${e.getAttribute("data-line")}:${e.getAttribute("data-reason")}`));
    expect(problems).toEqual(["4:DUPLICATE", "5:BAD_ADDRESS"]);
    await screenshot(page, "organizer-mint-report");
    expect(await settledTx(page, "mint-status", () => page.getByTestId("mint-submit").click())).toMatchObject({
      status: "confirmed",
    });
    expect(await page.getByTestId("mint-progress").getAttribute("data-done")).toBe("2");

    await page.getByTestId("mint-tier").selectOption("1");
    await page
      .getByTestId("mint-file")
      .setInputFiles({ name: "vip.csv", mimeType: "text/csv", buffer: Buffer.from(`${A3}\n`) });
    await expect.poll(() => report.getAttribute("data-valid")).toBe("1");
    await page.getByTestId("mint-submit").click();
    await page
      .locator('[data-testid="mint-status"][data-status="confirmed"]')
      .filter({ hasText: "1 tickets" })
      .waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('[data-testid="manage-tier"][data-tier="1"]').getAttribute("data-minted"))
      .toBe("1");

    const { publicClient } = await localClients(s.rpcUrl);
    const read = (account: Address) =>
      publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "balanceOf", args: [account] });
    expect([await read(A1), await read(A2), await read(A3)]).toEqual([1n, 1n, 1n]);
    expect(
      await publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "tierOf", args: [3n] }),
    ).toBe(1);
    await context.close();
  });

  it("opens a waiting-room sale: accepts the waiting room's vouchers, signs in once, and the sale page is live", async () => {
    const { page, context, errors, wallet } = await s.openAs(ORGANIZER, `/organizer/events/${event}`);
    const panel = page.getByTestId("onsale-panel");
    await panel.getByTestId("onsale-sales-empty").waitFor();
    // Created from the form, the event trusts no voucher signer yet: the panel offers the one transaction.
    expect(
      await settledTx(page, "onsale-trust-status", () => panel.getByTestId("onsale-trust-signer").click()),
    ).toMatchObject({ status: "confirmed" });
    const { publicClient } = await localClients(s.rpcUrl);
    const signer = (await (await fetch(`${s.indexerUrl}/onsale/info`)).json()) as { voucherSigner: Address };
    expect(
      await publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "voucherSigner" }),
    ).toBe(signer.voucherSigner);

    await panel.getByTestId("onsale-sign-in").click();
    await panel.getByTestId("onsale-tier").selectOption("1");
    // Tier 1 was not made voucher-only: the panel says bots could skip the queue.
    await panel.getByTestId("onsale-not-voucher-only").waitFor();
    await panel.getByTestId("onsale-id").fill("browser-fest-vip");
    await panel.getByTestId("onsale-create").click();
    const listed = panel.locator('[data-testid="onsale-sale"][data-sale="browser-fest-vip"]');
    await listed.waitFor({ timeout: 20_000 });
    await screenshot(page, "organizer-onsale");
    const sale = (await (await fetch(`${s.indexerUrl}/onsale/sales/browser-fest-vip`)).json()) as {
      contract: string;
      tier: number;
    };
    expect(sale).toMatchObject({ contract: event, tier: 1 });

    // A second sale with the same name is refused in words, and the organizer session is reused (no new signature).
    const signatures = () => wallet.requests.filter((r) => r.method === "personal_sign").length;
    const signed = signatures();
    expect(signed).toBe(1);
    await panel.getByTestId("onsale-create").click();
    expect(await panel.getByTestId("onsale-error").innerText()).toContain("already exists");
    expect(signatures()).toBe(signed);

    await listed.getByRole("link").click();
    await page.locator('[data-testid="waiting-room"][data-sale="browser-fest-vip"]').waitFor();
    // The heading names the event once the indexer answered (a neutral placeholder until then, never the sale's id).
    const title = page.getByTestId("sale-title");
    await page.locator('[data-testid="sale-title"]:not([data-state="loading"])').waitFor();
    expect(await title.getAttribute("data-state")).toBe("named");
    expect(await title.innerText()).toContain("Browser Fest VIP");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("refuses an early withdrawal with the contract's reason in words, cancels, and the fan refunds", async () => {
    const { publicClient, wallet } = await localClients(s.rpcUrl);
    const buy = await wallet(FAN).writeContract({
      address: event,
      abi: eventTicketAbi,
      functionName: "buy",
      args: [0, 1n],
      value: parseEther("0.05"),
    });
    await publicClient.waitForTransactionReceipt({ hash: buy });
    const tokenId = await publicClient.readContract({
      address: event,
      abi: eventTicketAbi,
      functionName: "totalMinted",
    });

    const org = await s.openAs(ORGANIZER, `/organizer/events/${event}`);
    await expect.poll(() => org.page.getByTestId("escrow").innerText()).toBe("0.05 ETH");
    // The dashboard draws the sale with the charting library (an SVG surface), and attendance.
    await org.page.locator('[data-testid="chart-sales"] .recharts-line-dot').first().waitFor({ state: "attached" });
    // Nobody checked in yet: one sector (all 5 tickets "not yet"), both series in the legend.
    await org.page
      .locator('[data-testid="chart-attendance"] .recharts-pie-sector')
      .first()
      .waitFor({ state: "attached" });
    expect(await org.page.getByTestId("chart-attendance").innerText()).toContain("Not yet / no-show");
    // The gate and hoarding analytics are the organizer's only: one SIWE sign-in (no transaction) shows them.
    await org.page.getByTestId("analytics-sign-in").click();
    await org.page.getByTestId("heavy-holders-empty").waitFor();
    expect(org.wallet.requests.filter((r) => r.method === "personal_sign")).toHaveLength(1);
    expect(org.wallet.requests.some((r) => r.method === "eth_sendTransaction")).toBe(false);
    await screenshot(org.page, "organizer-dashboard");
    const refused = await settledTx(org.page, "withdraw-status", () => org.page.getByTestId("withdraw").click());
    expect(refused).toMatchObject({ status: "failed", code: "EventTicketEventNotOver" });
    expect(refused.text).toContain("Proceeds can be withdrawn only after the event has ended.");
    org.page.on("dialog", (dialog) => void dialog.accept());
    expect(
      await settledTx(org.page, "cancel-event-status", () => org.page.getByTestId("cancel-event").click()),
    ).toMatchObject({ status: "confirmed" });
    await org.page.getByTestId("cancelled-note").waitFor();
    await screenshot(org.page, "organizer-cancelled");
    await org.context.close();

    const balanceBefore = await publicClient.readContract({
      address: event,
      abi: eventTicketAbi,
      functionName: "escrowBalance",
    });
    const fan = await s.openAs(FAN, `/tickets/${event}/${tokenId}`);
    await fan.page.getByTestId("resell-blocked").waitFor();
    expect(
      await settledTx(fan.page, "refund-status", () => fan.page.getByTestId("refund-submit").click()),
    ).toMatchObject({ status: "confirmed" });
    expect(
      await publicClient.readContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "isRefunded",
        args: [tokenId],
      }),
    ).toBe(true);
    expect(
      await publicClient.readContract({ address: event, abi: eventTicketAbi, functionName: "escrowBalance" }),
    ).toBe(balanceBefore - parseEther("0.05"));
    await fan.page.getByTestId("refund-done").waitFor();
    await screenshot(fan.page, "fan-refund");
    await fan.context.close();
  });
});
