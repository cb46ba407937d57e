/**
 * POST /gate/challenge and POST /gate/scan. A scan always answers with a GateVerdict:
 * 200 for ADMIT and DENY, 400 (DENY MALFORMED) when the request itself is not readable.
 */
import { Hono } from "hono";
import { z } from "zod";
import { denyReasonText, type GateVerdict } from "../../lib/gate/reasons";
import { ApiError } from "../api/api-error";
import { addressSchema, parseOr400, readJson } from "../api/validation";
import type { GateDeps } from "./gate-deps";
import { issueChallenge } from "./issue-challenge";
import { verifyScan } from "./verify-scan";

const challengeSchema = z.object({
  contract: addressSchema,
  // Printed inside the SIWE statement, so one line of plain characters.
  gateId: z.string().regex(/^[A-Za-z0-9 _.:-]{1,64}$/, "1-64 letters, digits, space or _ . : -"),
  domain: z.string().max(255).optional(),
});

const scanSchema = z.object({
  message: z.string().min(1).max(16_384),
  // 65-byte ECDSA, or longer EIP-1271 / ERC-6492 blobs; bounded by the body limit anyway.
  signature: z.string().regex(/^0x([0-9a-fA-F]{2})+$/, "must be 0x-prefixed hex").max(16_384) as z.ZodType<`0x${string}`>,
});

export function malformedVerdict(message: string): GateVerdict {
  return { result: "DENY", reason: "MALFORMED", message: `${denyReasonText.MALFORMED} ${message}` };
}

export function gateRoutes(deps: GateDeps) {
  return new Hono()
    .post("/challenge", async (c) => {
      const body = parseOr400(challengeSchema, await readJson(c));
      return c.json(await issueChallenge(deps, body));
    })
    .post("/scan", async (c) => {
      let body: z.output<typeof scanSchema>;
      try {
        body = parseOr400(scanSchema, await readJson(c));
      } catch (err) {
        if (err instanceof ApiError) return c.json(malformedVerdict(err.message), 400);
        throw err;
      }
      return c.json(await verifyScan(deps, body));
    });
}
