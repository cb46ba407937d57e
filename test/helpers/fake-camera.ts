import { writeFile } from "node:fs/promises";

export const CAMERA_WIDTH = 640;
export const CAMERA_HEIGHT = 480;

/**
 * Writes a .y4m video (what Chromium's `--use-file-for-fake-video-capture` plays, looped) showing
 * `image` (RGBA pixels, e.g. read from the pass page's canvas) centred on white, scaled to fit.
 * Without an image the frame is blank white. Chromium opens the file when a page starts the camera,
 * so the test can write the real pass just before the gate presses "Start camera".
 */
export async function writeFakeCamera(
  path: string,
  image?: { width: number; height: number; rgba: Uint8Array | number[] },
  frames = 5,
): Promise<void> {
  const w = CAMERA_WIDTH;
  const h = CAMERA_HEIGHT;
  const luma = new Uint8Array(w * h).fill(235);
  if (image) {
    const scale = Math.min((h - 40) / image.height, (w - 40) / image.width);
    const drawnW = Math.floor(image.width * scale);
    const drawnH = Math.floor(image.height * scale);
    const left = Math.floor((w - drawnW) / 2);
    const top = Math.floor((h - drawnH) / 2);
    for (let y = 0; y < drawnH; y++) {
      for (let x = 0; x < drawnW; x++) {
        const sx = Math.min(image.width - 1, Math.floor(x / scale));
        const sy = Math.min(image.height - 1, Math.floor(y / scale));
        const i = (sy * image.width + sx) * 4;
        const gray = 0.299 * image.rgba[i]! + 0.587 * image.rgba[i + 1]! + 0.114 * image.rgba[i + 2]!;
        // Studio-range luma (16..235), as YUV video expects.
        luma[(top + y) * w + left + x] = Math.round(16 + (gray / 255) * 219);
      }
    }
  }
  const chroma = new Uint8Array((w / 2) * (h / 2)).fill(128);
  const header = Buffer.from(`YUV4MPEG2 W${w} H${h} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma, chroma]);
  await writeFile(path, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
