/**
 * The door, end to end in real browsers: the fan sets up the phone once (one wallet signature),
 * the rotating pass survives a reload without another signature, the gate signs in with the
 * organizer's wallet, and its camera (Chromium's fake capture playing the pass the fan's page
 * drew) scans it: ADMIT, then DENY "already admitted" on the second scan.
 */
import jsQR from "jsqr";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodePass } from "../../../lib/pass";
import { chromiumSkipReason, screenshot } from "../../helpers/browser";
import { startBrowserStack, type BrowserStack } from "../../helpers/browser-stack";
import { writeFakeCamera } from "../../helpers/fake-camera";

const ORGANIZER = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

/** The pixels of the pass QR as the fan's page drew them. */
function readPassCanvas(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="pass-qr"]') as HTMLCanvasElement;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, rgba: Array.from(data.data), slot: canvas.dataset.slot };
  });
}

describe.skipIf(chromiumSkipReason)("browser: rotating pass scanned by the gate camera", () => {
  let s: BrowserStack;
  let dir: string;
  let video: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "fairgate-camera-"));
    video = join(dir, "camera.y4m");
    await writeFakeCamera(video);
    s = await startBrowserStack({ fakeVideo: video });
  });
  afterAll(async () => {
    await s?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("pass survives a reload without a new signature; gate admits it once, then denies", async () => {
    const buyer = s.tiered.buyer;
    const tokenId = buyer.tokenIds[0]!;

    // Gate staff sign in first, so the pass is fresh when the camera starts.
    const gate = await s.openAs(ORGANIZER, "/gate");
    await gate.page.getByTestId("gate-event").selectOption(s.tiered.ticket);
    await gate.page.getByTestId("gate-sign-in-submit").click();
    await gate.page.getByTestId("gate-session").waitFor();
    expect(await gate.page.getByTestId("connectivity").getAttribute("data-online")).toBe("true");

    // Fan: one signature sets the phone up; the QR rotates with a countdown.
    const fan = await s.openAs(buyer.account, `/tickets/${s.tiered.ticket}/${tokenId}/pass`);
    await fan.page.getByTestId("pass-delegate").click();
    await fan.page.locator('[data-testid="pass-qr"]:not([data-slot=""])').waitFor();
    expect(fan.wallet.prompts().map((p) => p.method)).toEqual(["personal_sign"]);
    expect(await fan.page.getByTestId("pass-countdown").innerText()).toMatch(/New code in \d+ s/);
    await fan.page.reload();
    await fan.page.locator('[data-testid="pass-qr"]:not([data-slot=""])').waitFor();
    expect(fan.wallet.prompts()).toHaveLength(1);
    await screenshot(fan.page, "fan-pass");

    const drawn = await readPassCanvas(fan.page);
    const decoded = jsQR(Uint8ClampedArray.from(drawn.rgba), drawn.width, drawn.height);
    expect(decoded).not.toBeNull();
    const pass = decodePass(decoded!.data);
    expect(pass.tokenId).toBe(tokenId);
    expect(String(pass.slot)).toBe(drawn.slot);
    await writeFakeCamera(video, drawn);

    await gate.page.getByTestId("start-camera").click();
    const verdict = gate.page.getByTestId("verdict");
    await gate.page.locator('[data-testid="verdict"][data-result="ADMIT"]').waitFor({ timeout: 15_000 });
    await screenshot(gate.page, "gate-admit");
    await gate.page.locator('[data-testid="verdict"][data-result="DENY"]').waitFor({ timeout: 15_000 });
    expect(await verdict.getAttribute("data-reason")).toBe("ALREADY_CHECKED_IN");
    expect(await gate.page.getByTestId("verdict-reason").innerText()).toBe("This ticket has already been admitted.");
    expect(await gate.page.getByTestId("counters").getAttribute("data-admitted")).toBe("1");
    await screenshot(gate.page, "gate-deny");

    // Manual entry: an unreadable code is a DENY with words, never a crash.
    await gate.page.getByTestId("manual-pass").fill("not-a-pass");
    await gate.page.getByTestId("manual-submit").click();
    await gate.page.locator('[data-testid="verdict"][data-reason="MALFORMED"]').waitFor();
    expect(await gate.page.getByTestId("verdict-reason").innerText()).toBe("The pass could not be read.");
    expect(gate.errors).toEqual([]);
    expect(fan.errors).toEqual([]);
  });
});
