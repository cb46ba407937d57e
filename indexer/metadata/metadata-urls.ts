/** Absolute addresses metadata points at: this server (images) and the app (pages). */
import type { Context } from "hono";

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?$/;
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * This server as the wallet reached it. Behind trusted proxies their X-Forwarded-Proto/-Host say so
 * (a TLS proxy talks plain HTTP to us); a malformed header is ignored rather than echoed into JSON.
 */
export function serverOrigin(c: Context, trustedProxyHops: number): string {
  const own = new URL(c.req.url);
  if (trustedProxyHops === 0) return own.origin;
  const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim();
  const host = c.req.header("x-forwarded-host")?.split(",")[0]?.trim() ?? c.req.header("host");
  const scheme = proto === "https" || proto === "http" ? proto : own.protocol.slice(0, -1);
  return host && HOST.test(host) ? `${scheme}://${host}` : own.origin;
}

/** The app is where fans sign in: the first SIWE domain, over https unless it is this machine. */
export function appOrigin(siweDomains: readonly string[]): string {
  const domain = siweDomains[0] ?? "localhost:3000";
  return `${LOOPBACK.test(domain) ? "http" : "https"}://${domain}`;
}
