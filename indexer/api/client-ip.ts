/**
 * The client's address, for every per-client limit (rate buckets, seat holds, streams, on-sale
 * joins). With `trustedProxyHops` = 0 it is the socket's peer. Behind N proxies that each append
 * the address they saw to `X-Forwarded-For`, the client is the Nth entry counted from the right:
 * everything to the left of it was written by the client and proves nothing (a first-hop reader
 * let one client pose as 50). Fewer entries than hops (a request that skipped a proxy): the
 * leftmost one, as far as the chain can vouch.
 */
import { createHash } from "node:crypto";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** Longest address kept as a key (an IPv6 address with a zone id is under 64). */
const MAX_ADDRESS = 64;

export function clientIp(c: Context, trustedProxyHops: number): string {
  if (trustedProxyHops > 0) {
    const hops = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((h) => h.trim())
      .filter((h) => h !== "");
    if (hops.length > 0) return hops[Math.max(0, hops.length - trustedProxyHops)]!.slice(0, MAX_ADDRESS);
  }
  return socketAddress(c);
}

function socketAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket.
    return "unknown";
  }
}

/** An address as stored with an on-sale entry (never the address itself). */
export function hashIp(ip: string): string {
  return createHash("sha256").update(ip).digest("hex").slice(0, 32);
}
