/**
 * `/onsale` routes: sales (admin create, public read), proof-of-work, join, entry status (JSON and
 * SSE), SIWE sign-in and vouchers. Every refusal is an `OnsaleError` (`{ error: { code, message } }`, a code of
 * lib/onsale/errors.ts), answered by the API's one error handler (indexer/api/on-error.ts) wherever these are mounted.
 */
import { timingSafeEqual } from "node:crypto";
import { Hono, type Context } from "hono";
import { getAddress } from "viem";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import type { OnsaleEntryStatus, OnsaleInfo } from "../../lib/onsale/types";
import { STREAM_LIMITS } from "../api/abuse-limits";
import { clientIp, hashIp } from "../api/client-ip";
import { createStreamSlots, type StreamLimits } from "../api/stream-slots";
import { issuePowChallenge, spendPow } from "./friction/pow-challenges";
import { createOnsaleRateLimits } from "./friction/rate-limits";
import type { OnsaleDeps } from "./onsale-deps";
import { OnsaleError } from "./onsale-error";
import { entryStatus } from "./queue/entry-status";
import { findEntry } from "./queue/find-entry";
import { joinQueue } from "./queue/join-queue";
import { createSale, createSaleSchema } from "./sales/create-sale";
import { listSales } from "./sales/list-sales";
import { loadSale, saleView } from "./sales/sale-row";
import { issueSignInNonce, signIn } from "./signin/sign-in";
import { issueVoucher } from "./vouchers/issue-voucher";
import {
  BINDING_CALLS_PER_IP_PER_MINUTE,
  bindingNonceSchema,
  bindingSchema,
  issueBindingNonce,
  signIdentityBinding,
} from "./vouchers/sign-identity-binding";
import { createTierSupplyReader } from "./vouchers/tier-supply";

/** How often the SSE stream re-reads the entry, and the longest one stream lives (the client reconnects). */
export type StreamSettings = { pollMs: number; maxMs: number; limits?: StreamLimits };

const listSchema = z.object({
  contract: z.string().regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte hex address"),
});
const joinSchema = z.object({
  pow: z.object({ challenge: z.string().max(200), nonce: z.string().max(32) }).optional(),
});
const signInSchema = z.object({
  message: z.string().max(4096),
  signature: z
    .string()
    .regex(/^0x[0-9a-fA-F]*$/)
    .max(20_000),
});
const nonceSchema = z.object({ domain: z.string().max(255).optional() });
const voucherSchema = z.object({
  quantity: z.number().int(),
  idNumber: z.string().max(64).optional(),
  identityEvidence: z.string().max(2048).optional(),
});

export function onsaleRoutes(deps: OnsaleDeps, stream: StreamSettings = { pollMs: 1_000, maxMs: 10 * 60_000 }) {
  const app = new Hono();
  const limits = createOnsaleRateLimits();
  const supply = createTierSupplyReader(deps.client);
  const streams = createStreamSlots(stream.limits ?? STREAM_LIMITS.onsaleEntry, "waiting-room");
  const bearer = (c: Context) => c.req.header("authorization")?.replace(/^Bearer\s+/i, "") ?? undefined;

  app.post("/sales", async (c) => {
    const authorization = c.req.header("authorization");
    if (!authorization) throw new OnsaleError("UNAUTHORIZED", NO_CREATOR);
    const input = parse(createSaleSchema, await json(c));
    await requireSaleCreator(deps, bearer(c), authorization, input.contract);
    return c.json(await createSale(deps, input), 201);
  });
  app.get("/info", (c) =>
    c.json({
      chainId: deps.chainId,
      voucherSigner: deps.signer ? getAddress(deps.signer.address) : null,
    } satisfies OnsaleInfo),
  );
  app.get("/sales", async (c) =>
    c.json(await listSales(deps.db, parse(listSchema, { contract: c.req.query("contract") }).contract)),
  );
  app.get("/sales/:id", async (c) => c.json(saleView(await loadSale(deps.db, c.req.param("id")))));
  app.post("/sales/:id/pow", async (c) => {
    const sale = await loadSale(deps.db, c.req.param("id"));
    limits.take("ip", sale.id, clientIp(c, deps.trustedProxyHops ?? 0), sale.ipJoinsPerMinute * 2);
    return c.json(await issuePowChallenge(deps.db, sale, deps.now()));
  });
  app.post("/sales/:id/join", async (c) => {
    const sale = await loadSale(deps.db, c.req.param("id"));
    const body = parse(joinSchema, await json(c));
    const ip = clientIp(c, deps.trustedProxyHops ?? 0);
    limits.take("ip", sale.id, ip, sale.ipJoinsPerMinute);
    await spendPow(deps.db, sale, body.pow, deps.now());
    return c.json(await joinQueue(deps, sale.id, hashIp(ip)), 201);
  });
  app.get("/entry", async (c) => {
    const { entry, sale } = await findEntry(deps.db, bearer(c));
    return c.json(entryStatus(sale, entry, deps.now()));
  });
  app.get("/entry/stream", async (c) => {
    const token = c.req.query("token") ?? bearer(c);
    await findEntry(deps.db, token); // refuse before the stream starts
    const release = streams.take(clientIp(c, deps.trustedProxyHops ?? 0));
    if (typeof release !== "function") throw new OnsaleError(release.code, release.message);
    return streamSSE(c, async (sse) => {
      try {
        let last = "";
        const until = performance.now() + stream.maxMs;
        let id = 0;
        while (!sse.aborted && performance.now() < until) {
          const { entry, sale } = await findEntry(deps.db, token);
          const status: OnsaleEntryStatus = entryStatus(sale, entry, deps.now());
          const data = JSON.stringify(status);
          // Send on change, and at least every 15 s so proxies keep the connection open.
          if (data !== last || id % Math.max(1, Math.round(15_000 / stream.pollMs)) === 0) {
            await sse.writeSSE({ event: "status", data, id: String(id) });
            last = data;
          }
          id++;
          if (status.state === "voucher" || status.state === "expired") break;
          await sse.sleep(stream.pollMs);
        }
      } finally {
        release();
      }
    });
  });
  app.post("/entry/sign-in/nonce", async (c) =>
    c.json(await issueSignInNonce(deps, bearer(c), parse(nonceSchema, await json(c)).domain)),
  );
  app.post("/entry/sign-in", async (c) => {
    const body = parse(signInSchema, await json(c));
    return c.json(
      await signIn(deps, limits, bearer(c), { message: body.message, signature: body.signature as `0x${string}` }),
    );
  });
  // A binding is two calls (nonce, then the signed request): 60 a minute per client address is 30 bindings.
  app.post("/bindings/nonce", async (c) => {
    limits.take("ip", "bindings", clientIp(c, deps.trustedProxyHops ?? 0), BINDING_CALLS_PER_IP_PER_MINUTE);
    return c.json(await issueBindingNonce(deps, parse(bindingNonceSchema, await json(c))));
  });
  app.post("/bindings", async (c) => {
    const body = parse(bindingSchema, await json(c));
    limits.take("ip", "bindings", clientIp(c, deps.trustedProxyHops ?? 0), BINDING_CALLS_PER_IP_PER_MINUTE);
    return c.json(await signIdentityBinding(deps, limits, body));
  });
  app.post("/entry/voucher", async (c) =>
    c.json(await issueVoucher(deps, limits, supply, bearer(c), parse(voucherSchema, await json(c)))),
  );

  return app;
}

/**
 * Who may open a sale: the operator (ONSALE_ADMIN_TOKEN) for any event, or the event's organizer
 * through an organizer session (a gate sign-in by a wallet with the admin role on that contract).
 */
const NO_CREATOR = "sign in as the event's organizer (or send the operator's ONSALE_ADMIN_TOKEN) to open a sale";

async function requireSaleCreator(
  deps: OnsaleDeps,
  given: string | undefined,
  authorization: string,
  contract: string,
): Promise<void> {
  if (deps.adminToken && given !== undefined) {
    const a = Buffer.from(deps.adminToken);
    const b = Buffer.from(given);
    if (a.length === b.length && timingSafeEqual(a, b)) return;
  }
  const organizerOf = (await deps.organizerContract?.(authorization)) ?? null;
  if (organizerOf && organizerOf.toLowerCase() === contract.toLowerCase()) return;
  throw new OnsaleError(
    "UNAUTHORIZED",
    organizerOf ? `your organizer session is for ${organizerOf}, not ${contract}` : NO_CREATOR,
  );
}

async function json(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new OnsaleError("BAD_REQUEST", "request body is not valid JSON");
  }
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  throw new OnsaleError("BAD_REQUEST", `${issue?.path.join(".") || "body"}: ${issue?.message ?? "invalid"}`);
}
