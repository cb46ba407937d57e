import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { appOrigin, serverOrigin } from "./metadata-urls";

async function originOf(hops: number, headers: Record<string, string>): Promise<string> {
  const app = new Hono().get("/", (c) => c.text(serverOrigin(c, hops)));
  return (await app.request("http://10.0.0.5:4100/", { headers })).text();
}

describe("metadata URLs", () => {
  it("takes the server's origin from the request, and from the proxy's headers only behind trusted proxies", async () => {
    const forwarded = { "x-forwarded-proto": "https", "x-forwarded-host": "tickets.example.org" };
    expect(await originOf(0, forwarded)).toBe("http://10.0.0.5:4100");
    expect(await originOf(1, forwarded)).toBe("https://tickets.example.org");
    // A header that is not a host is never echoed into metadata.
    expect(await originOf(1, { "x-forwarded-proto": "javascript", "x-forwarded-host": "a/b<c>" })).toBe(
      "http://10.0.0.5:4100",
    );
  });

  it("points at the app by its first SIWE domain, https unless it is this machine", () => {
    expect(appOrigin(["tickets.example.org", "localhost:3000"])).toBe("https://tickets.example.org");
    expect(appOrigin(["127.0.0.1:3000"])).toBe("http://127.0.0.1:3000");
    expect(appOrigin(["localhost:3000"])).toBe("http://localhost:3000");
  });
});
