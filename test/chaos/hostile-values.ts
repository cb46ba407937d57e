/**
 * Hostile request parts for fuzzing HTTP endpoints, drawn from a seeded PRNG: strings with SQL
 * metacharacters, unicode tricks and control characters, numbers at the edges, wrong types,
 * deep nesting, and JSON bodies built from the field names the API knows.
 */
import { seededRandom } from "../../lib/random/seeded-random";

const STRINGS = [
  "",
  " ",
  "' OR 1=1 --",
  "'; DROP TABLE tickets; --",
  '" OR ""="',
  "1; SELECT pg_sleep(5)",
  "%",
  "_",
  "\\",
  "\u0000",
  "a\u0000b",
  "𝕱𝖆𝖎𝖗𝖌𝖆𝖙𝖊",
  "\u202egnp.exe",
  "Z̴̡̧͙͔a̵l̷g̸o̶",
  "🎟️🎫👨‍👩‍👧",
  "ｆｕｌｌｗｉｄｔｈ",
  "<script>alert(1)</script>",
  "../../etc/passwd",
  "%00%27",
  "\r\nX-Injected: 1",
  "__proto__",
  "constructor",
  "-1",
  "1e309",
  "NaN",
  "Infinity",
  "0x",
  "0xZZ",
  `0x${"f".repeat(40)}`,
  `0x${"F".repeat(40)}`,
  `0x${"0".repeat(40)}`,
  `0x${"g".repeat(40)}`,
  `0X${"a".repeat(40)}`,
  `0x${"a".repeat(41)}`,
  "115792089237316195423570985008687907853269984665640564039457584007913129639936",
  "115792089237316195423570985008687907853269984665640564039457584007913129639935",
  "000000000000000000000000000000000000000000000000000000000000000000000000000000001",
  "1.5",
  "２",
  "AAAA-BBBB-CCCC-DDDD",
  "2026-02-31T00:00:00Z",
];

const FIELDS = [
  "contract",
  "gateId",
  "domain",
  "zone",
  "message",
  "signature",
  "pass",
  "idNumber",
  "code",
  "ttlSeconds",
  "admissions",
  "tokenId",
  "holder",
  "admittedAt",
  "quantity",
  "identityEvidence",
  "pow",
  "challenge",
  "nonce",
  "id",
  "tier",
  "opensAt",
  "admitPerSecond",
  "maxPerIdentity",
  "lottery",
  "powBits",
  "__proto__",
  "constructor",
];

const QUERY_KEYS = ["owner", "contract", "seller", "account", "status", "limit", "offset", "token", "id"];

export type Hostile = ReturnType<typeof hostileValues>;

export function hostileValues(seed: number, extraStrings: string[] = []) {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const strings = [...STRINGS, ...extraStrings];

  /** Any code point but lone surrogates (which no URL or UTF-8 body can carry). */
  function codePoint(): number {
    const c = Math.floor(random() * 0x110000);
    return c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
  }

  function string(): string {
    const r = random();
    if (r < 0.7) return pick(strings);
    if (r < 0.8) return pick(strings).repeat(1 + Math.floor(random() * 300));
    if (r < 0.9)
      return String.fromCodePoint(...Array.from({ length: 1 + Math.floor(random() * 40) }, () => codePoint()));
    return pick(strings) + pick(strings);
  }

  function value(depth = 0): unknown {
    const r = random();
    if (r < 0.45) return string();
    if (r < 0.6) return pick([0, -1, 1, 1.5, -0, 2 ** 53 + 2, 1e308, -1e308, 31, 32, 255, 256, 1e21]);
    if (r < 0.65) return pick([true, false, null]);
    if (depth > 3) return string();
    if (r < 0.8) return Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1));
    return object(depth + 1);
  }

  function object(depth = 0): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const n = Math.floor(random() * 5);
    for (let i = 0; i < n; i++) out[random() < 0.85 ? pick(FIELDS) : string()] = value(depth);
    return out;
  }

  /** A raw request body: mostly JSON objects of known fields, sometimes other JSON, broken JSON or deep nesting. */
  function body(): string {
    const r = random();
    if (r < 0.6) return JSON.stringify(object());
    if (r < 0.7) return JSON.stringify(value());
    if (r < 0.8) return `{"contract": ${JSON.stringify(string())}, `; // truncated
    if (r < 0.85) return "[".repeat(2_000) + "]".repeat(2_000);
    if (r < 0.9) return `{"__proto__": {"isAdmin": true}, "constructor": {"prototype": {"x": 1}}}`;
    return string();
  }

  function query(): string {
    const parts = Array.from(
      { length: Math.floor(random() * 4) },
      () => `${encodeURIComponent(pick(QUERY_KEYS))}=${encodeURIComponent(string())}`,
    );
    return parts.length ? `?${parts.join("&")}` : "";
  }

  return { random, pick, string, value, object, body, query };
}
