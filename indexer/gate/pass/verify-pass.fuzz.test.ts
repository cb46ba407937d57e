/**
 * 100,000 random and mutated passes against the real verify pipeline: never a crash, never an
 * ADMIT. The genuine pass is admitted afterwards, so the pipeline was live all along.
 */
import { getAddress, type PublicClient } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDeviceKey,
  exportDevicePublicKey,
  fromBase64Url,
  keyIdOf,
  signPass,
  slotAt,
  toBase64Url,
} from "../../../lib/pass";
import { IN_MEMORY, openPglite } from "../../db/open-pglite";
import { passDelegations, tickets } from "../../db/schema";
import type { Database } from "../../db/types";
import { createGateContext, type GateContext } from "../gate-context";
import { keyIdHex } from "./register-delegation";
import { verifyPass } from "./verify-pass";
import { caughtUpStatus } from "../../sync/sync-status";
import { seededRandom } from "../../../lib/random/seeded-random";
import { NO_IDENTITY_RULE } from "../facts/ticket-facts";

const RUNS = 100_000;
const contract = getAddress("0x5fbdb2315678afecb367f032aa2e9bd2a4f6b4b7");
const holder = getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
const NOW = 1_900_000_000_000;
const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

describe("pass fuzzing", () => {
  let database: Database;
  let ctx: GateContext;
  let genuine: string;

  beforeAll(async () => {
    database = await openPglite(IN_MEMORY);
    const keys = await createDeviceKey();
    const publicKey = await exportDevicePublicKey(keys.publicKey);
    await database.db.insert(passDelegations).values({
      contract: contract.toLowerCase(),
      keyId: keyIdHex(publicKey),
      publicKey,
      holder: holder.toLowerCase(),
      expiresAt: new Date(NOW + 3_600_000),
      createdAt: new Date(NOW - 1000),
      createdBlock: 10,
      nonce: "fuzz",
    });
    await database.db.insert(tickets).values({
      contract: contract.toLowerCase(),
      tokenId: 7n,
      owner: holder.toLowerCase(),
      mintedBlock: 5,
      updatedBlock: 5,
      updatedLogIndex: 0,
    });
    const noChain = new Proxy(
      {},
      { get: () => () => Promise.reject(new Error("no chain in this test")) },
    ) as PublicClient;
    ctx = createGateContext({
      db: database.db,
      client: noChain,
      chainId: 31337,
      siweDomains: ["localhost:3000"],
      challengeTtlSeconds: 120,
      maxIndexerLagBlocks: 2,
      maxHeadAgeMs: 60_000,
      syncStatus: () => caughtUpStatus({ chainId: 31337, block: 20, headCheckedAt: () => NOW }),
      now: () => new Date(NOW),
      facts: {
        zones: async () => 1,
        identityCommitment: async () => null,
        cancelled: async () => false,
        identityRule: async () => NO_IDENTITY_RULE,
      },
    });
    genuine = await signPass(keys.privateKey, {
      chainId: 31337,
      contract,
      tokenId: 7n,
      slot: slotAt(NOW),
      keyId: await keyIdOf(publicKey),
    });
  });
  afterAll(() => database?.close());

  it(`${RUNS.toLocaleString("en")} random and mutated passes: no crash, no ADMIT`, async () => {
    const random = seededRandom(0xfa1e);
    const pick = (n: number) => Math.floor(random() * n);
    const bytes = fromBase64Url(genuine);
    const reasons = new Map<string, number>();
    for (let i = 0; i < RUNS; i++) {
      let text: string;
      const kind = i % 5;
      if (kind === 0) {
        // random base64url text of random length
        text = Array.from({ length: 1 + pick(200) }, () => B64[pick(64)]).join("");
      } else if (kind === 1) {
        // random bytes of a pass-like length
        text = toBase64Url(Uint8Array.from({ length: 60 + pick(80) }, () => pick(256)));
        if (random() < 0.5) text = `A${text.slice(1)}`; // often version 1 after decoding
      } else if (kind === 2) {
        // flip 1-3 bits of the genuine pass
        const m = bytes.slice();
        for (let k = 0; k <= pick(3); k++) m[pick(m.length)]! ^= 1 << pick(8);
        text = toBase64Url(m);
      } else if (kind === 3) {
        // truncate, extend or splice bytes
        const m = Array.from(bytes);
        const at = pick(m.length);
        if (random() < 0.33) m.splice(at);
        else if (random() < 0.5) m.splice(at, 0, ...Array.from({ length: 1 + pick(8) }, () => pick(256)));
        else m.splice(at, 1 + pick(4));
        text = toBase64Url(Uint8Array.from(m));
      } else {
        // text-level damage: odd characters, unicode, whitespace
        const chars = Array.from(genuine);
        chars[pick(chars.length)] = String.fromCharCode(pick(0x3000));
        text = random() < 0.3 ? ` ${chars.join("")}\n` : chars.join("");
      }
      if (text === genuine) continue;
      const verdict = await verifyPass(ctx, { contract, gateId: "fuzz", zone: 0 }, { pass: text });
      if (verdict.result !== "DENY") throw new Error(`ADMITTED a mutated pass: ${text}`);
      reasons.set(verdict.reason, (reasons.get(verdict.reason) ?? 0) + 1);
    }
    console.log("fuzz verdicts:", Object.fromEntries(reasons));
    expect([...reasons.keys()]).toEqual(expect.arrayContaining(["MALFORMED", "BAD_SIGNATURE"]));
    // The pipeline was live: the untouched pass gets in (once).
    expect(await verifyPass(ctx, { contract, gateId: "fuzz", zone: 0 }, { pass: genuine })).toMatchObject({
      result: "ADMIT",
      tokenId: "7",
    });
  }, 300_000);
});
