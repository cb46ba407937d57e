import { SiweMessage } from "siwe";
import { buildChallengeMessage } from "/work/main/lib/gate/challenge-message";
const ch = { nonce: "abcdefghijklmnop1234", domain: "localhost:3000", uri: "http://localhost:3000", chainId: 31337, contract: "0x5FbDB2315678afecb367f032d93F642f64180aa3" as const, gateId: "north-1", issuedAt: new Date().toISOString(), expiresAt: new Date(Date.now()+120000).toISOString() };
const m = buildChallengeMessage(ch, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", 7n);
console.log(m);
const s = new SiweMessage(m);
console.log(JSON.stringify(s));
for (const bad of ["hello", m.replace("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"), m.replace(/Issued At: .*/, "Issued At: 2024-02-31T00:00:00Z"), m + "\nextra", ""]) {
  try { new SiweMessage(bad); console.log("ACCEPTED", JSON.stringify(bad.slice(0,40))); } catch (e) { console.log("rejected:", (e as Error).constructor.name, String((e as Error).message ?? e).slice(0,100)); }
}
