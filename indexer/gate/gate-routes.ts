/**
 * The gate's HTTP routes (mounted at /gate) and the fan's pass routes (mounted at /pass).
 * Scans always answer with a GateVerdict: 200 for ADMIT and DENY, 400 (DENY MALFORMED) when the
 * request itself is not readable, 401 GATE_UNAUTHORIZED, 429 RATE_LIMITED. Sign-in and delegation
 * failures are GateDenials the API's one error handler answers `{ error: { code: <DenyReason>, message } }`
 * with the reason's status (lib/errors/error-codes.ts).
 */
import { Hono, type Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";
import { denyReasonText, type GateVerdict } from "../../lib/gate/reasons";
import { DEVICE_SIGNATURE_HEADER, DEVICE_TIME_HEADER } from "../../lib/gate/request-signature";
import { AppError } from "../../lib/errors/app-error";
import { OFFLINE_DELTA_LIMITS } from "../api/abuse-limits";
import { clientIp } from "../api/client-ip";
import { addressSchema, parseOr400, readJson } from "../api/validation";
import type { GateContext } from "./gate-context";
import { GateDenial } from "./gate-denial";
import { issueChallenge } from "./issue-challenge";
import { issueDelegationNonce, registerDelegation } from "./pass/register-delegation";
import { verifyPass } from "./pass/verify-pass";
import { authenticate } from "./sessions/authenticate";
import { createRateLimiter } from "./sessions/rate-limiter";
import { createInvite, listInvites, redeemInvite, revokeInvite } from "./sessions/invites";
import { signInWithWallet } from "./sessions/sign-in-with-wallet";
import { endStaffSession, listStaffSessions } from "./sessions/staff-sessions";
import { verifyScan } from "./verify-scan";
import { buildDelta } from "./offline/build-delta";
import { buildSnapshot } from "./offline/build-snapshot";
import { reconcileOffline } from "./offline/reconcile";

// Printed inside SIWE statements, so one line of plain characters.
const gateIdSchema = z.string().regex(/^[A-Za-z0-9 _.:-]{1,64}$/, "1-64 letters, digits, space or _ . : -");
const zoneSchema = z.number().int().min(0).max(31).default(0);
const hexSchema = z
  .string()
  .regex(/^0x([0-9a-fA-F]{2})+$/, "must be 0x-prefixed hex")
  .max(16_384) as z.ZodType<`0x${string}`>;
const idNumberSchema = z.string().min(1).max(64).optional();

const challengeSchema = z.object({
  contract: addressSchema,
  gateId: gateIdSchema,
  domain: z.string().max(255).optional(),
});
const sessionNonceSchema = challengeSchema.extend({ zone: zoneSchema });
const signedSchema = z.object({ message: z.string().min(1).max(16_384), signature: hexSchema });
const scanSchema = signedSchema.extend({ idNumber: idNumberSchema });
const passScanSchema = z.object({ pass: z.string().min(1).max(1_024), idNumber: idNumberSchema });
const inviteSchema = z.object({
  gateId: gateIdSchema,
  zone: zoneSchema,
  ttlSeconds: z
    .number()
    .int()
    .min(60)
    .max(30 * 24 * 3600)
    .default(24 * 3600),
});
const redeemSchema = z.object({
  code: z.string().min(8).max(64),
  /** base64url raw P-256 point of the scanner's device key; the session is bound to it. */
  devicePublicKey: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, "base64url raw P-256 public key"),
});
/** A uint256 token id in canonical decimal (no sign, no leading zeros): ids at or above 2^256 cannot exist on chain. */
const tokenIdSchema = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,77})$/, "canonical decimal token id")
  .transform(BigInt)
  .refine((id) => id < 2n ** 256n, "token id must be below 2^256");
/**
 * An admission time in UTC from the Unix epoch on (a scanner whose clock reset reads 1970, never earlier). Earlier
 * ones are no clock reading, and the database mishandles them: year 0000 is valid ISO 8601 and a JavaScript Date, but
 * PostgreSQL has no year 0, so storing it (as an OUTSIDE_SNAPSHOT conflict) failed with a 500; years 0001-0099 are
 * stored but read back as 19xx/20xx.
 */
const admittedAtSchema = z.iso
  .datetime()
  .transform((s) => new Date(s))
  .refine((d) => d.getTime() >= 0, "admission time before 1970-01-01T00:00:00Z");
const reconcileSchema = z.object({
  admissions: z
    .array(
      z.object({
        tokenId: tokenIdSchema,
        holder: addressSchema,
        admittedAt: admittedAtSchema,
      }),
    )
    // ~110 bytes each: 100 stay under the API's 16 KiB body limit; scanners send their queue in chunks.
    .max(100),
});
/** A snapshot's cursor: its mirror block and issue time (ms). */
const deltaQuerySchema = z.object({
  block: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  at: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
});
const delegationNonceSchema = z.object({ contract: addressSchema, domain: z.string().max(255).optional() });
/** The device key's proof of possession (lib/pass/delegation-proof.ts): base64url r ‖ s. Checked, not just shaped, in registerDelegation. */
const delegationSchema = signedSchema.extend({ deviceSignature: z.string().max(200).optional() });

export function malformedVerdict(message: string): GateVerdict {
  return { result: "DENY", reason: "MALFORMED", message: `${denyReasonText.MALFORMED} ${message}` };
}

function denialVerdict(err: GateDenial): GateVerdict {
  return { result: "DENY", reason: err.reason, message: err.detail };
}

/** Non-scan endpoints: the work's result as JSON; a denial reaches the API's one error handler. */
async function orError(c: Context, work: () => Promise<unknown>) {
  return c.json(await work());
}

/** Parses a scan body; a bad one is a DENY MALFORMED verdict with 400. */
async function scanBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S> | Response> {
  try {
    return parseOr400(schema, await readJson(c));
  } catch (err) {
    if (err instanceof AppError) return c.json(malformedVerdict(err.message), 400);
    throw err;
  }
}

export function gateRoutes(ctx: GateContext) {
  // The body text is cached by Hono, so reading it here again costs nothing.
  // `privileged`: the staff role is read on chain afresh (snapshot, reconcile, invites, sessions); scans use a read at most a minute old.
  const bearer = async (c: Context, privileged = false) =>
    authenticate(
      ctx,
      c.req.header("authorization"),
      {
        method: c.req.method,
        path: c.req.path,
        body: c.req.method === "GET" || c.req.method === "DELETE" ? "" : await c.req.text(),
        time: c.req.header(DEVICE_TIME_HEADER),
        signature: c.req.header(DEVICE_SIGNATURE_HEADER),
      },
      { privileged },
    );
  const deltaLimiter = createRateLimiter({
    perSecond: OFFLINE_DELTA_LIMITS.perSessionPerSecond,
    burst: OFFLINE_DELTA_LIMITS.perSessionPerSecond * 4,
  });
  return new Hono()
    .post("/challenge", async (c) => {
      const body = parseOr400(challengeSchema, await readJson(c));
      if (!c.req.header("authorization") && !ctx.settings.requireSessionForChallenge)
        return c.json(await issueChallenge(ctx, body));
      return orError(c, async () => {
        const session = await bearer(c);
        if (session.contract !== body.contract)
          throw new GateDenial("GATE_UNAUTHORIZED", `this scanner is signed in for ${session.contract}`);
        return issueChallenge(ctx, { ...body, gateId: session.gateId, zone: session.zone });
      });
    })
    .post("/scan", async (c) => {
      const body = await scanBody(c, scanSchema);
      if (body instanceof Response) return body;
      const verdict = await verifyScan(ctx, body, clientIp(c, ctx.settings.trustedProxyHops));
      if (verdict.result === "ADMIT") ctx.onAdmitted?.(verdict.contract, [verdict.tokenId]);
      return c.json(verdict, verdict.result === "DENY" && verdict.reason === "RATE_LIMITED" ? 429 : 200);
    })
    .post("/pass/scan", async (c) => {
      const body = await scanBody(c, passScanSchema);
      if (body instanceof Response) return body;
      let session;
      try {
        session = await bearer(c);
      } catch (err) {
        if (err instanceof GateDenial) return c.json(denialVerdict(err), err.status as ContentfulStatusCode);
        throw err;
      }
      const verdict = await verifyPass(ctx, session, body);
      if (verdict.result === "ADMIT") ctx.onAdmitted?.(verdict.contract, [verdict.tokenId]);
      return c.json(verdict);
    })
    .post("/session/nonce", async (c) => {
      const body = parseOr400(sessionNonceSchema, await readJson(c));
      return c.json({ ...(await issueChallenge(ctx, { ...body, purpose: "session" })), zone: body.zone });
    })
    .post("/session", async (c) => {
      const body = parseOr400(signedSchema, await readJson(c));
      return orError(c, () => signInWithWallet(ctx, body));
    })
    .post("/session/invite", async (c) => {
      const body = parseOr400(redeemSchema, await readJson(c));
      return orError(c, () => redeemInvite(ctx, body.code, body.devicePublicKey));
    })
    .post("/invites", async (c) => {
      const body = parseOr400(inviteSchema, await readJson(c));
      return orError(c, async () => createInvite(ctx, await bearer(c, true), body));
    })
    .get("/invites", async (c) => orError(c, async () => listInvites(ctx, await bearer(c, true))))
    .get("/sessions", async (c) => orError(c, async () => listStaffSessions(ctx, await bearer(c, true))))
    .delete("/sessions/:id", async (c) =>
      orError(c, async () => endStaffSession(ctx, await bearer(c, true), c.req.param("id"))),
    )
    .get("/offline/snapshot", async (c) => orError(c, async () => buildSnapshot(ctx, await bearer(c, true))))
    .get("/offline/delta", async (c) => {
      const since = parseOr400(deltaQuerySchema, c.req.query());
      return orError(c, async () => {
        const session = await bearer(c);
        if (!deltaLimiter.take(session.tokenHash))
          throw new GateDenial("RATE_LIMITED", `more than ${OFFLINE_DELTA_LIMITS.perSessionPerSecond} deltas/s`);
        return buildDelta(ctx, session, since);
      });
    })
    .post("/offline/reconcile", async (c) => {
      const body = parseOr400(reconcileSchema, await readJson(c));
      return orError(c, async () => {
        const session = await bearer(c, true);
        const late = body.admissions.find((a) => a.admittedAt.getTime() > ctx.now().getTime() + 60_000);
        if (late) throw new GateDenial("MALFORMED", `admission of ${late.tokenId} is dated in the future`);
        const result = await reconcileOffline(ctx, session, body.admissions);
        ctx.onAdmitted?.(session.contract, result.accepted);
        return result;
      });
    })
    .delete("/invites/:id", async (c) =>
      orError(c, async () => revokeInvite(ctx, await bearer(c, true), c.req.param("id"))),
    );
}

export function passRoutes(ctx: GateContext) {
  return new Hono()
    .post("/nonce", async (c) =>
      c.json(await issueDelegationNonce(ctx, parseOr400(delegationNonceSchema, await readJson(c)))),
    )
    .post("/delegations", async (c) => {
      const body = parseOr400(delegationSchema, await readJson(c));
      return orError(c, () => registerDelegation(ctx, body));
    });
}
