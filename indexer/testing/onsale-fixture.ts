/**
 * Test harness for the waiting room: an in-process Hardhat chain with a voucher-only event whose
 * voucher signer is the organizer (a node account), an in-memory database, the /onsale routes
 * with a clock the test moves, and helpers for the fan's side (join, sign in, voucher, claim).
 */
import { Hono } from "hono";
import { parseEther, parseEventLogs, type Address, type WalletClient } from "viem";
import { eventTicketAbi, ticketFactoryAbi } from "../../lib/generated/abis";
import { buildOnsaleSignInMessage, type OnsaleSignInChallenge } from "../../lib/onsale/sign-in-message";
import type { OnsaleIssuedVoucher, OnsaleJoinResult } from "../../lib/onsale/types";
import { toContractVoucher } from "../../lib/onsale/voucher";
import { IN_MEMORY, openPglite } from "../db/open-pglite";
import type { Database } from "../db/types";
import { createDevIdentityProvider } from "../onsale/identity/dev-identity-provider";
import type { OnsaleDeps } from "../onsale/onsale-deps";
import { onsaleRoutes } from "../onsale/onsale-routes";
import { apiErrorHandler } from "../api/on-error";
import { nodeAccountVoucherSigner } from "../onsale/vouchers/voucher-signer";
import { createChainFixture } from "./chain-fixture";

export const PEPPER = "test-pepper-0123456789";
export const FACE = parseEther("0.01");
export const ADMIN_TOKEN = "admin-token-0123456789";

export async function createOnsaleFixture(opts: { database?: Database; trustedProxyHops?: number } = {}) {
  const chain = await createChainFixture();
  const database = opts.database ?? (await openPglite(IN_MEMORY));
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs), advance: (ms: number) => void (offsetMs += ms) };
  const deps: OnsaleDeps = {
    db: database.db,
    client: chain.publicClient,
    chainId: chain.chainId,
    siweDomains: ["localhost:3000"],
    signer: nodeAccountVoucherSigner(chain.publicClient, chain.organizer.account!.address),
    identity: createDevIdentityProvider(PEPPER),
    adminToken: ADMIN_TOKEN,
    trustedProxyHops: opts.trustedProxyHops ?? 1,
    now: clock.now,
    log: () => {},
  };
  const app = new Hono()
    .route("/onsale", onsaleRoutes(deps, { pollMs: 50, maxMs: 5_000 }))
    .onError(apiErrorHandler(() => {}));

  async function request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await app.request(`/onsale${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as any };
  }
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });

  /** A voucher-only event: face 0.01 ETH, `supply` tickets, per-identity cap `cap`. */
  async function createEvent(o: { supply?: number; cap?: number; maxPerWallet?: number } = {}): Promise<Address> {
    const start = BigInt(Math.floor(Date.now() / 1000) + 30 * 86_400);
    const hash = await chain.organizer.writeContract({
      address: chain.factory,
      abi: ticketFactoryAbi,
      functionName: "createEventWithTiers",
      args: [
        {
          name: "On-sale test",
          symbol: "OST",
          startTime: start,
          endTime: start + 86_400n,
          lockWindow: 0,
          maxPerWallet: o.maxPerWallet ?? 0,
          maxPerIdentity: o.cap ?? 2,
          royaltyBps: 0,
          voucherSigner: chain.organizer.account!.address,
          currency: "0x0000000000000000000000000000000000000000",
        },
        [
          {
            faceValue: FACE,
            supply: o.supply ?? 100,
            zones: 1,
            mode: 1,
            resaleCapBps: 10_000,
            voucherOnly: true,
            reserved: false,
          },
        ],
      ],
      account: chain.organizer.account!,
      chain: chain.organizer.chain,
    });
    const receipt = await chain.publicClient.waitForTransactionReceipt({ hash });
    return parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs })[0]!.args.ticket;
  }

  async function createSale(input: Record<string, unknown>) {
    const res = await request("POST", "/sales", input, auth(ADMIN_TOKEN));
    if (res.status !== 201) throw new Error(`create sale: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function join(
    saleId: string,
    ip = "10.0.0.1",
    pow?: { challenge: string; nonce: string },
  ): Promise<OnsaleJoinResult> {
    const res = await request("POST", `/sales/${saleId}/join`, pow ? { pow } : {}, { "x-forwarded-for": ip });
    if (res.status !== 201) throw new Error(`join: ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function signIn(token: string, wallet: WalletClient) {
    const nonce = await request("POST", "/entry/sign-in/nonce", {}, auth(token));
    if (nonce.status !== 200) return nonce;
    const message = buildOnsaleSignInMessage(nonce.body as OnsaleSignInChallenge, wallet.account!.address);
    const signature = await wallet.signMessage({ account: wallet.account!, message });
    return request("POST", "/entry/sign-in", { message, signature }, auth(token));
  }

  async function claim(wallet: WalletClient, issued: OnsaleIssuedVoucher) {
    const hash = await wallet.writeContract({
      address: issued.contract,
      abi: eventTicketAbi,
      functionName: "claim",
      args: [toContractVoucher(issued.voucher), issued.signature],
      value: BigInt(issued.price),
      account: wallet.account!,
      chain: wallet.chain,
    });
    return chain.publicClient.waitForTransactionReceipt({ hash });
  }

  return { chain, database, deps, clock, app, request, auth, createEvent, createSale, join, signIn, claim };
}
