/**
 * Gate test helpers on top of the test app: tiered events (zones, a named tier), gate roles,
 * scanner sign-in, pass delegation from a real WebCrypto device key, and pass scans.
 */
import { keccak256, parseEventLogs, toHex, type Address, type Hex, type WalletClient } from "viem";
import { eventTicketAbi, ticketFactoryAbi } from "../../lib/generated/abis";
import type { GateVerdict } from "../../lib/gate/reasons";
import { buildGateSignInMessage, type GateSignInChallenge } from "../../lib/gate/sign-in-message";
import {
  buildDelegationMessage,
  createDeviceKey,
  exportDevicePublicKey,
  keyIdOf,
  signDelegationProof,
  signPass,
  slotAt,
  type DelegationRequest,
} from "../../lib/pass";
import type { TestApp } from "./test-app";
import { toContractVoucher, voucherTypedData, type OnsaleVoucher } from "../../lib/onsale/voucher";
import { ORGANIZER_CHANNEL } from "../../lib/channels";

export const ZONE = { general: 0, vip: 1 } as const;
/** Tier ids of `createTieredEvent`. */
export const TIER = { general: 0, vip: 1, named: 2 } as const;

export type Device = { keys: CryptoKeyPair; publicKey: string; keyId: Uint8Array };

export function gateFixture(t: TestApp) {
  const { chain } = t;
  const org = chain.organizer;

  async function mined(hash: Hex) {
    const r = await chain.publicClient.waitForTransactionReceipt({ hash });
    if (r.status !== "success") throw new Error(`tx ${hash} reverted`);
    return r;
  }

  /** Tiers: 0 general (zone 0), 1 VIP (zones 0 and 1), 2 named (zone 0, voucher only, organizer signs vouchers). */
  async function createTieredEvent(name: string, startTime = 2_000_000_000n): Promise<Address> {
    const tier = (zones: number, voucherOnly = false) => ({
      faceValue: 0n,
      supply: 1000,
      zones,
      mode: 0,
      resaleCapBps: 10_000,
      voucherOnly,
      reserved: false,
    });
    const receipt = await mined(
      await org.writeContract({
        address: chain.factory,
        abi: ticketFactoryAbi,
        functionName: "createEventWithTiers",
        args: [
          {
            name,
            symbol: "FGT",
            startTime,
            endTime: startTime + 86_400n,
            lockWindow: 0,
            maxPerWallet: 0,
            maxPerIdentity: 0,
            royaltyBps: 0,
            voucherSigner: org.account!.address,
            currency: "0x0000000000000000000000000000000000000000",
          },
          [tier(0b01), tier(0b11), tier(0b01, true)],
        ],
        account: org.account!,
        chain: org.chain,
      }),
    );
    const [created] = parseEventLogs({ abi: ticketFactoryAbi, eventName: "EventCreated", logs: receipt.logs });
    return created!.args.ticket;
  }

  async function mintTier(event: Address, tier: number, to: Address[]): Promise<void> {
    await mined(
      await org.writeContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "mintTier",
        args: [tier, ORGANIZER_CHANNEL, to],
        account: org.account!,
        chain: org.chain,
      }),
    );
  }

  /** A named ticket: the holder claims an organizer-signed voucher carrying `commitment`. */
  async function claimNamed(event: Address, holder: WalletClient, commitment: Hex): Promise<bigint> {
    const voucher: OnsaleVoucher = {
      to: holder.account!.address,
      tier: TIER.named,
      quantity: 1,
      identityCommitment: commitment,
      nonce: keccak256(toHex(`${event}:${commitment}:${Math.random()}`)),
      deadline: 2_100_000_000,
    };
    const signature = await org.signTypedData({
      account: org.account!,
      ...voucherTypedData(chain.chainId, event, voucher),
    });
    const receipt = await mined(
      await holder.writeContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "claim",
        args: [toContractVoucher(voucher), signature],
        account: holder.account!,
        chain: holder.chain,
      }),
    );
    const [minted] = parseEventLogs({ abi: eventTicketAbi, eventName: "TicketsMinted", logs: receipt.logs });
    return minted!.args.firstTokenId;
  }

  async function grantGateRole(event: Address, to: Address): Promise<void> {
    const role = keccak256(toHex("GATE_ROLE"));
    await mined(
      await org.writeContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "grantRole",
        args: [role, to],
        account: org.account!,
        chain: org.chain,
      }),
    );
  }

  async function cancelEvent(event: Address): Promise<void> {
    await mined(
      await org.writeContract({
        address: event,
        abi: eventTicketAbi,
        functionName: "cancelEvent",
        account: org.account!,
        chain: org.chain,
      }),
    );
  }

  /** Staff wallet signs in as a gate; returns the POST /gate/session response. */
  async function signIn(staff: WalletClient, event: Address, gateId = "north-1", zone = 0) {
    const nonce = await t.post("/gate/session/nonce", { contract: event, gateId, zone });
    if (nonce.status !== 200) throw new Error(`session nonce failed: ${JSON.stringify(nonce.body)}`);
    const message = buildGateSignInMessage(nonce.body as unknown as GateSignInChallenge, staff.account!.address);
    const signature = await staff.signMessage({ account: staff.account!, message });
    return t.post("/gate/session", { message, signature });
  }

  async function gateToken(staff: WalletClient, event: Address, gateId = "north-1", zone = 0): Promise<string> {
    const res = await signIn(staff, event, gateId, zone);
    if (res.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  }

  async function newDevice(): Promise<Device> {
    const keys = await createDeviceKey();
    const publicKey = await exportDevicePublicKey(keys.publicKey);
    return { keys, publicKey, keyId: await keyIdOf(publicKey) };
  }

  /**
   * The wallet delegates `device` (default: a new one) for `event`; `edit` may tamper with the request first.
   * The device key proves possession by signing the message (`prove` replaces that proof: undefined sends none).
   */
  async function delegate(
    wallet: WalletClient,
    event: Address,
    device?: Device,
    edit?: (r: DelegationRequest) => DelegationRequest,
    prove: (message: string, device: Device) => Promise<string | undefined> = (message, d) =>
      signDelegationProof(d.keys.privateKey, message),
  ) {
    const d = device ?? (await newDevice());
    const nonce = await t.post("/pass/nonce", { contract: event });
    if (nonce.status !== 200) throw new Error(`pass nonce failed: ${JSON.stringify(nonce.body)}`);
    const request = (edit ?? ((r) => r))(nonce.body as unknown as DelegationRequest);
    const message = buildDelegationMessage(request, wallet.account!.address, d.publicKey);
    const signature = await wallet.signMessage({ account: wallet.account!, message });
    const deviceSignature = await prove(message, d);
    const res = await t.post("/pass/delegations", {
      message,
      signature,
      ...(deviceSignature !== undefined ? { deviceSignature } : {}),
    });
    return { device: d, res, message, signature, deviceSignature };
  }

  function pass(
    d: Device,
    event: Address,
    tokenId: bigint,
    slot = slotAt(t.clock.now().getTime()),
    chainId = chain.chainId,
  ): Promise<string> {
    return signPass(d.keys.privateKey, { chainId, contract: event, tokenId, slot, keyId: d.keyId });
  }

  async function passScan(token: string | undefined, body: unknown): Promise<{ status: number; verdict: GateVerdict }> {
    const res = await t.post("/gate/pass/scan", body, token ? { authorization: `Bearer ${token}` } : {});
    return { status: res.status, verdict: res.body as unknown as GateVerdict };
  }

  return {
    createTieredEvent,
    mintTier,
    claimNamed,
    grantGateRole,
    cancelEvent,
    signIn,
    gateToken,
    newDevice,
    delegate,
    pass,
    passScan,
  };
}
