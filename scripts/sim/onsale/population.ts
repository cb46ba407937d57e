/**
 * Who shows up on on-sale day, generated from a seed (same crowd for every rule set):
 * fans (one wallet, one ID, human reaction times), bots (wallet farms behind a few proxies, fake
 * well-formed IDs, millisecond reactions, all early), hoarders (many bought real IDs, one wallet
 * each) and touts (own ID, buy the most they can and sell off-market at 3× face).
 */
import { keccak256, stringToHex } from "viem";
import { privateKeyToAccount, type PrivateKeyAccount } from "viem/accounts";
import { seededRandom } from "../../../lib/random/seeded-random";

export type AgentKind = "fan" | "bot" | "hoarder" | "tout";

export type Agent = {
  kind: AgentKind;
  /** the person behind the agent (a KYC liveness check sees this) */
  person: string;
  idNumber: string;
  ip: string;
  account: PrivateKeyAccount;
  /** when it joins, in ms relative to the on-sale time (negative = early) */
  joinAtMs: number;
  /** how long it takes to act once admitted */
  reactMs: number;
  wants: number;
};

export type PopulationSize = {
  fans: number;
  botOperators: number;
  botWallets: number;
  hoarders: number;
  idsPerHoarder: number;
  touts: number;
};

export const DEFAULT_POPULATION: PopulationSize = {
  fans: 1000,
  botOperators: 2,
  botWallets: 200,
  hoarders: 3,
  idsPerHoarder: 40,
  touts: 15,
};

const account = (label: string) => privateKeyToAccount(keccak256(stringToHex(`fairgate-sim-onsale:${label}`)));

/** Returns the agents and the identity registry (ID number → the person it belongs to). */
export function makePopulation(size: PopulationSize, seed: number, earlyWindowMs: number, lateWindowMs: number) {
  const r = seededRandom(seed);
  const between = (a: number, b: number) => a + r() * (b - a);
  const agents: Agent[] = [];
  const registry = new Map<string, string>();
  for (let i = 0; i < size.fans; i++) {
    const id = `FAN${String(i).padStart(6, "0")}`;
    registry.set(id, `fan-${i}`);
    agents.push({
      kind: "fan",
      person: `fan-${i}`,
      idNumber: id,
      ip: `10.1.${i >> 8}.${i & 255}`,
      account: account(`fan-${i}`),
      joinAtMs: r() < 0.4 ? between(-earlyWindowMs, -100) : between(0, lateWindowMs),
      reactMs: between(300, 1500),
      wants: r() < 0.5 ? 1 : 2,
    });
  }
  for (let o = 0; o < size.botOperators; o++) {
    for (let w = 0; w < size.botWallets; w++) {
      agents.push({
        kind: "bot",
        person: `bot-${o}`,
        idNumber: `BOT${o}X${String(w).padStart(5, "0")}`, // well-formed, belongs to nobody
        ip: `10.200.${o}.${w % 5}`,
        account: account(`bot-${o}-${w}`),
        joinAtMs: -earlyWindowMs + 5 * w, // first in line, if line order counted
        reactMs: 20,
        wants: 99,
      });
    }
  }
  for (let h = 0; h < size.hoarders; h++) {
    for (let k = 0; k < size.idsPerHoarder; k++) {
      const id = `LENT${h}X${String(k).padStart(4, "0")}`;
      registry.set(id, `lender-${h}-${k}`); // a real person's ID, bought by the hoarder
      agents.push({
        kind: "hoarder",
        person: `hoarder-${h}`,
        idNumber: id,
        ip: `10.210.${h}.${k % 10}`,
        account: account(`hoarder-${h}-${k}`),
        joinAtMs: -earlyWindowMs + 10 + 7 * k,
        reactMs: 60,
        wants: 99,
      });
    }
  }
  for (let t = 0; t < size.touts; t++) {
    const id = `TOUT${String(t).padStart(4, "0")}`;
    registry.set(id, `tout-${t}`);
    agents.push({
      kind: "tout",
      person: `tout-${t}`,
      idNumber: id,
      ip: `10.220.0.${t}`,
      account: account(`tout-${t}`),
      joinAtMs: between(-earlyWindowMs, -100),
      reactMs: 100,
      wants: 99,
    });
  }
  return { agents, registry };
}
