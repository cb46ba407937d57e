/**
 * The idle half of a Server-Sent Events loop: wait until `wake()` is called (new data) or the
 * keep-alive interval passes, in which case a comment line goes out so proxies keep the stream open.
 */
import type { SSEStreamingApi } from "hono/streaming";

export const SSE_KEEPALIVE_MS = 15_000;

export function createSseWaiter(stream: SSEStreamingApi, keepAliveMs = SSE_KEEPALIVE_MS) {
  let wake: (() => void) | null = null;
  return {
    /** Ends the current wait early (call on new data and on abort). */
    wake: () => wake?.(),
    async wait(): Promise<void> {
      const timer = new Promise<"idle">((r) => setTimeout(() => r("idle"), keepAliveMs).unref?.());
      const woke = new Promise<"woke">((r) => (wake = () => r("woke")));
      if ((await Promise.race([timer, woke])) === "idle") await stream.write(": keep-alive\n\n");
      wake = null;
    },
  };
}
