/**
 * Accessibility and console health of a page in the browser tests: axe-core's rules run inside the
 * page (its source injected through the browser driver), and every console error or uncaught
 * exception since the page opened is collected. `expectHealthy` fails on either, naming each.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Impacts that fail a test; "minor" and "moderate" are reported by axe but not held against a page. */
const FAILING = new Set(["serious", "critical"]);

export type AxeFinding = { id: string; impact: string; help: string; targets: string[] };

const problems = new WeakMap<Page, string[]>();

/** Starts collecting `page`'s console errors and uncaught exceptions (newPhonePage does this for every page). */
export function watchConsole(page: Page): string[] {
  const found: string[] = [];
  problems.set(page, found);
  page.on("console", (m) => {
    if (m.type() === "error") found.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => found.push(`exception: ${e.message}`));
  return found;
}

/** axe-core's serious and critical findings on the page as it is now (wait for the content first). */
export async function axeFindings(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe;
    type AxeResults = {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "minor",
      help: v.help,
      targets: v.nodes.map((n) => n.target.map(String).join(" ")),
    }));
  });
  return results.filter((v) => FAILING.has(v.impact));
}

/** What is wrong with `page` (`name` labels the list): serious/critical axe findings and console errors. */
export async function pageProblems(page: Page, name: string): Promise<string[]> {
  const findings = await axeFindings(page);
  return [
    ...findings.map((f) => `${name}: axe ${f.impact} ${f.id} (${f.help}) at ${f.targets.slice(0, 5).join(", ")}`),
    ...(problems.get(page) ?? []).map((p) => `${name}: ${p}`),
  ];
}
