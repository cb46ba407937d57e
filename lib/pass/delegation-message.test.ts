import { getAddress } from "viem";
import { SiweMessage } from "siwe";
import { describe, expect, it } from "vitest";
import { eventResource } from "../siwe/challenge-message";
import { buildDelegationMessage, parseDelegationResources, passKeyResource } from "./delegation-message";
import { createDeviceKey, exportDevicePublicKey } from "./device-key";

const contract = getAddress("0x5fbdb2315678afecb367f032aa2e9bd2a4f6b4b7");
const holder = getAddress("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");

describe("delegation message", () => {
  it("is a strict EIP-4361 message naming the event and the device key", async () => {
    const publicKey = await exportDevicePublicKey((await createDeviceKey()).publicKey);
    const text = buildDelegationMessage(
      {
        nonce: "abcdefgh12345678",
        domain: "localhost:3000",
        uri: "http://localhost:3000",
        chainId: 31337,
        contract,
        issuedAt: "2030-01-01T00:00:00.000Z",
        expiresAt: "2030-01-02T00:00:00.000Z",
      },
      holder,
      publicKey,
    );
    const parsed = new SiweMessage(text);
    expect(parsed).toMatchObject({
      domain: "localhost:3000",
      address: holder,
      chainId: 31337,
      nonce: "abcdefgh12345678",
    });
    expect(parseDelegationResources(parsed.resources!)).toEqual({ chainId: 31337, contract, publicKey });
  });

  it("rejects resources without exactly one event and one valid key", async () => {
    const key = await exportDevicePublicKey((await createDeviceKey()).publicKey);
    expect(parseDelegationResources([eventResource(1, contract)])).toBeNull();
    expect(parseDelegationResources([passKeyResource(key)])).toBeNull();
    expect(
      parseDelegationResources([eventResource(1, contract), eventResource(1, holder), passKeyResource(key)]),
    ).toBeNull();
    expect(parseDelegationResources([eventResource(1, contract), passKeyResource("AAAA")])).toBeNull();
  });
});
