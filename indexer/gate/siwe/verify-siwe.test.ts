/**
 * The one SIWE check (verify-siwe.ts), without a chain: every message every sign-in receives is parsed strictly by
 * `siwe` and its fields checked before the signature (the only step that may need the chain) is looked at.
 */
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import type { PublicClient } from "viem";
import { describe, expect, it } from "vitest";
import { GateDenial } from "../gate-denial";
import { verifySiwe, type SiweNonceStore } from "./verify-siwe";

const account = privateKeyToAccount(generatePrivateKey());
const NOW = new Date("2026-12-07T10:00:00.000Z");
const nonceRow = {
  nonce: "abcdefgh12345678",
  issuedAt: new Date(NOW.getTime() - 10_000),
  expiresAt: new Date(NOW.getTime() + 110_000),
};
const fields = {
  domain: "tickets.example",
  address: account.address,
  uri: "https://tickets.example",
  version: "1" as const,
  chainId: 10,
  nonce: nonceRow.nonce,
  issuedAt: nonceRow.issuedAt,
  expirationTime: nonceRow.expiresAt,
};

/** A client that must not be reached: every refusal here comes before the signature. */
const noChain = new Proxy(
  {},
  { get: () => () => Promise.reject(new Error("the chain must not be asked")) },
) as unknown as PublicClient;

async function reasonFor(
  text: string,
  store: Partial<SiweNonceStore<typeof nonceRow>> = {},
  signature: `0x${string}` = "0x00",
): Promise<string> {
  const consumed: string[] = [];
  try {
    await verifySiwe(text, signature, {
      client: noChain,
      chainId: 10,
      siweDomains: ["tickets.example"],
      now: NOW,
      nonces: { load: async () => nonceRow, consume: async (n) => void consumed.push(n.nonce), ...store },
    });
  } catch (err) {
    expect(consumed).toEqual([]); // a refused message never spends its nonce
    if (err instanceof GateDenial) return err.reason;
    throw err;
  }
  return "ACCEPTED";
}

describe("the one SIWE check", () => {
  it("refuses what viem's lenient parser would take: a non-EIP-55 address, an impossible date, a missing line", async () => {
    const good = createSiweMessage(fields);
    expect(await reasonFor(good.replace(account.address, account.address.toLowerCase()))).toBe("MALFORMED");
    expect(await reasonFor(good.replace(/Issued At: .*/, "Issued At: 2026-02-31T10:00:00.000Z"))).toBe("MALFORMED");
    expect(await reasonFor(good.replace(/\nVersion: 1/, ""))).toBe("MALFORMED");
    expect(await reasonFor("x".repeat(2_049))).toBe("MALFORMED");
  });

  it("checks domain, URI, chain and the nonce's store before any time or signature", async () => {
    expect(await reasonFor(createSiweMessage({ ...fields, domain: "evil.example", uri: "https://evil.example" }))).toBe(
      "WRONG_DOMAIN",
    );
    expect(await reasonFor(createSiweMessage({ ...fields, uri: "https://evil.example" }))).toBe("WRONG_DOMAIN");
    expect(await reasonFor(createSiweMessage({ ...fields, chainId: 1 }))).toBe("WRONG_CHAIN");
    const unknown = { load: async () => Promise.reject(new GateDenial("UNKNOWN_CHALLENGE")) };
    expect(await reasonFor(createSiweMessage(fields), unknown)).toBe("UNKNOWN_CHALLENGE");
  });

  it("checks every time: Not Before, expiry present and within the nonce's, issued-at inside the nonce's life", async () => {
    expect(await reasonFor(createSiweMessage({ ...fields, notBefore: new Date(NOW.getTime() + 1_000) }))).toBe(
      "CHALLENGE_EXPIRED",
    );
    expect(await reasonFor(createSiweMessage({ ...fields, expirationTime: undefined }))).toBe("MALFORMED");
    expect(
      await reasonFor(createSiweMessage({ ...fields, expirationTime: new Date(nonceRow.expiresAt.getTime() + 1_000) })),
    ).toBe("CHALLENGE_EXPIRED");
    expect(await reasonFor(createSiweMessage({ ...fields, expirationTime: new Date(NOW.getTime() - 1) }))).toBe(
      "CHALLENGE_EXPIRED",
    );
    expect(
      await reasonFor(createSiweMessage({ ...fields, issuedAt: new Date(nonceRow.issuedAt.getTime() - 60_000) })),
    ).toBe("CHALLENGE_EXPIRED");
    // A message that passes them all, signed by its address, is accepted (an EOA's signature is checked without the chain).
    const ok = createSiweMessage({ ...fields, notBefore: new Date(NOW.getTime() - 1_000) });
    expect(await reasonFor(ok, {}, await account.signMessage({ message: ok }))).toBe("ACCEPTED");
  });
});
