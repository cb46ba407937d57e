import { expect } from "vitest";
import jsQR from "jsqr";
import type { Page } from "playwright-core";
import { slotAt } from "../../lib/pass";

/**
 * The text inside the pass QR the fan's page shows right now. The page is brought to the front
 * first and read once it shows the current time slot: a page in the background has its timers
 * throttled, so its code would be stale.
 */
export async function currentPassText(page: Page): Promise<string> {
  await page.bringToFront();
  await expect
    .poll(async () => (await page.getByTestId("pass-qr").getAttribute("data-slot")) === String(slotAt(Date.now())), {
      timeout: 20_000,
    })
    .toBe(true);
  const drawn = await page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="pass-qr"]') as HTMLCanvasElement;
    const data = canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height);
    return { width: data.width, height: data.height, rgba: Array.from(data.data) };
  });
  const decoded = jsQR(Uint8ClampedArray.from(drawn.rgba), drawn.width, drawn.height);
  if (!decoded) throw new Error("the pass QR could not be read");
  return decoded.data;
}
