/**
 * GET /events/:address/waitlist[?wallet=0x…]: each tier's open waitlist length and face value
 * (the deposit), and, with `wallet`, that wallet's place in each queue it waits in.
 */
import { Hono } from "hono";
import { getAddress } from "viem";
import { z } from "zod";
import type { WaitlistResponse } from "../../lib/indexer-client/schemas";
import { eventByAddress } from "../db/queries/event-detail";
import { num } from "../db/queries/rows";
import { queueLengths, walletEntries } from "../db/queries/waitlist";
import type { Db } from "../db/types";
import { AppError } from "../../lib/errors/app-error";
import { addressSchema, parseOr400 } from "./validation";

const params = z.object({ address: addressSchema });
const query = z.object({ wallet: addressSchema.optional() });

export function waitlistRoute(db: Db) {
  return new Hono().get("/:address/waitlist", async (c) => {
    const { address } = parseOr400(params, c.req.param(), "INVALID_ADDRESS");
    const { wallet } = parseOr400(query, c.req.query(), "INVALID_ADDRESS");
    if (!(await eventByAddress(db, address))) throw new AppError("UNKNOWN_EVENT", `no event at ${address}`);
    const [lengths, entries] = await Promise.all([
      queueLengths(db, address),
      wallet ? walletEntries(db, address, wallet) : [],
    ]);
    const body: WaitlistResponse = {
      contract: getAddress(address),
      tiers: lengths.map((t) => ({ tier: Number(t.tier), faceValue: String(t.face_value), length: num(t.length) })),
      wallet: wallet ?? null,
      entries: entries.map((e) => ({
        tier: Number(e.tier),
        position: num(e.position),
        seq: num(e.seq),
        deposit: String(e.deposit),
        joinedBlock: num(e.block_number),
        txHash: e.tx_hash as `0x${string}`,
      })),
    };
    return c.json(body);
  });
}
