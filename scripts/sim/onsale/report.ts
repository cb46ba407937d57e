/** The simulation's table (stdout + Markdown) and chart (generated SVG). */
import type { RuleSetResult } from "./run-rule-set";

const pct = (n: number, d: number) => (d === 0 ? 0 : (100 * n) / d);
const f1 = (x: number) => `${x.toFixed(1)} %`;

export type Row = {
  rules: string;
  primaryBotsHoarders: number;
  primaryToFans: number;
  onMarket: number;
  botsHoarders: number;
  aboveFace: number;
  toFans: number;
  touts: number;
  fansServed: string;
  medianWait: string;
};

export function rows(results: RuleSetResult[]): Row[] {
  return results.map((r) => ({
    rules: r.rules.name,
    primaryBotsHoarders: pct(r.primaryHeld.bot + r.primaryHeld.hoarder, r.sold),
    primaryToFans: pct(r.primaryHeld.fan, r.sold),
    onMarket: pct(r.resoldOnMarket, r.sold),
    botsHoarders: pct(r.held.bot + r.held.hoarder, r.sold),
    aboveFace: pct(r.resoldAboveFace, r.sold),
    toFans: pct(r.held.fan, r.sold),
    touts: pct(r.held.tout, r.sold),
    fansServed: `${r.fansServed} / ${r.fansTotal}`,
    medianWait: r.medianFanWaitSeconds === null ? "–" : `${r.medianFanWaitSeconds.toFixed(1)} s`,
  }));
}

export function markdownTable(results: RuleSetResult[]): string {
  const head =
    "| rule set | tickets sold | after the primary sale: with bots/hoarders | … with real fans | resold off-market above face | resold on the official market (≤ cap) | at the end: with bots/hoarders | … with real fans | … with touts | fans served | median fan wait |";
  const sep = "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |";
  const body = results.map((r, i) => {
    const x = rows(results)[i]!;
    return `| ${x.rules} | ${r.sold} / ${r.supply} | ${f1(x.primaryBotsHoarders)} | ${f1(x.primaryToFans)} | ${f1(x.aboveFace)} | ${f1(x.onMarket)} | ${f1(x.botsHoarders)} | ${f1(x.toFans)} | ${f1(x.touts)} | ${x.fansServed} | ${x.medianWait} |`;
  });
  return [head, sep, ...body].join("\n");
}

/** The target, checked on the "everything" rule set: ≤ 1 % with bots/hoarders or above the cap, ≥ 95 % with real fans. */
export function targetLine(results: RuleSetResult[]): string {
  const r = rows(results).find((x) => x.rules === "everything");
  if (!r) return "";
  const bad = r.botsHoarders + r.aboveFace;
  const ok = bad <= 1 && r.toFans >= 95;
  return `Target with every rule on: ≤ 1 % of tickets with bots/hoarders or resold above the cap (measured ${f1(bad)}), ≥ 95 % with real fans (measured ${f1(r.toFans)}): ${ok ? "met ✅" : "not met ❌"}.`;
}

/**
 * A grouped bar chart as plain SVG (recharts 3 renders nothing without a browser layout, so the
 * report draws its own: three bars per rule set, 0–100 %, no external assets).
 */
export function chartSvg(results: RuleSetResult[]): string {
  const series = [
    { key: "botsHoarders", label: "end: with bots + hoarders", color: "#d9534f" },
    { key: "aboveFace", label: "resold above face off-market", color: "#f0ad4e" },
    { key: "toFans", label: "end: with real fans", color: "#5cb85c" },
  ] as const;
  const data = rows(results);
  const W = 800,
    H = 400,
    left = 50,
    bottom = 60,
    top = 50,
    plotH = H - top - bottom,
    groupW = (W - left - 20) / data.length,
    barW = groupW / 4;
  const y = (v: number) => top + plotH - (v / 100) * plotH;
  const esc = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">`,
  );
  parts.push(`<rect width="${W}" height="${H}" fill="white"/>`);
  parts.push(
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="15">Fairgate on-sale simulation: where the tickets went, per rule set</text>`,
  );
  for (const t of [0, 25, 50, 75, 100]) {
    parts.push(
      `<line x1="${left}" x2="${W - 20}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/><text x="${left - 6}" y="${y(t) + 4}" text-anchor="end">${t} %</text>`,
    );
  }
  data.forEach((row, g) => {
    const x0 = left + g * groupW + barW / 2;
    series.forEach((s, k) => {
      const v = row[s.key];
      parts.push(
        `<rect x="${x0 + k * barW}" y="${y(v)}" width="${barW - 2}" height="${y(0) - y(v)}" fill="${s.color}"><title>${esc(s.label)}: ${v.toFixed(1)} %</title></rect>`,
      );
      parts.push(
        `<text x="${x0 + k * barW + barW / 2}" y="${y(v) - 3}" text-anchor="middle" font-size="10">${v.toFixed(1)}</text>`,
      );
    });
    parts.push(`<text x="${x0 + 1.5 * barW}" y="${H - bottom + 18}" text-anchor="middle">${esc(row.rules)}</text>`);
  });
  series.forEach((s, k) => {
    const lx = left + k * 250;
    parts.push(
      `<rect x="${lx}" y="${H - 22}" width="12" height="12" fill="${s.color}"/><text x="${lx + 16}" y="${H - 12}">${esc(s.label)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("\n");
}
