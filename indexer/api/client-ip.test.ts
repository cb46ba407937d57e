/**
 * The client address behind N trusted proxies is the Nth X-Forwarded-For entry from the right:
 * what the client wrote to the left of it is ignored, so one client cannot pose as fifty.
 */
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

async function ipOf(hops: number, forwarded?: string): Promise<string> {
  const app = new Hono().get("/", (c) => c.text(clientIp(c, hops)));
  const res = await app.request("/", { headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded } });
  return res.text();
}

describe("clientIp", () => {
  it("ignores X-Forwarded-For with no trusted proxy (the socket's address; app.request has none)", async () => {
    expect(await ipOf(0, "203.0.113.9")).toBe("unknown");
    expect(await ipOf(0)).toBe("unknown");
  });

  it("takes the entry the trusted proxies wrote, counted from the right, never the client's own", async () => {
    expect(await ipOf(1, "203.0.113.9")).toBe("203.0.113.9");
    expect(await ipOf(1, "1.1.1.1, 2.2.2.2, 203.0.113.9")).toBe("203.0.113.9");
    expect(await ipOf(2, "1.1.1.1, 203.0.113.9, 10.0.0.2")).toBe("203.0.113.9");
    expect(await ipOf(1, " 1.1.1.1 ,, 203.0.113.9 ")).toBe("203.0.113.9");
  });

  it("falls back to the leftmost entry when fewer than the hops arrived, and to the socket without any", async () => {
    expect(await ipOf(3, "203.0.113.9, 10.0.0.2")).toBe("203.0.113.9");
    expect(await ipOf(1, "")).toBe("unknown");
    expect(await ipOf(1, " , ")).toBe("unknown");
  });

  it("bounds what it keeps of a hostile entry", async () => {
    expect((await ipOf(1, "x".repeat(5_000))).length).toBe(64);
  });
});
