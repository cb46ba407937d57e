/**
 * The app's production build (`next build` into .next), made once and reused: `npm start` and the
 * browser tests build only when an app source is newer than the last build, so a second start is
 * quick. The type check is skipped (`npm test` runs tsc over the same files), which halves the
 * build on two cores; nothing is fetched at build time (no web fonts; telemetry off).
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./build-contracts";

export const nextBin = join(repoRoot, "node_modules", "next", "dist", "bin", "next");
const SOURCE_DIRS = ["app", "lib"];
const SOURCE_FILES = ["next.config.ts", "package.json", "tsconfig.json"];
const BUILD_ID = join(repoRoot, ".next", "BUILD_ID");

/** Environment of `next build` and `next start`: no telemetry call home. */
export const NEXT_ENV = { NEXT_TELEMETRY_DISABLED: "1" } as const;

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (path: string) => {
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return;
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path))
        if (!entry.startsWith(".") && entry !== "node_modules") visit(join(path, entry));
    } else if (!path.endsWith(".test.ts") && !path.endsWith(".test.tsx")) newest = Math.max(newest, stat.mtimeMs);
  };
  for (const dir of SOURCE_DIRS) visit(join(repoRoot, dir));
  for (const file of SOURCE_FILES) visit(join(repoRoot, file));
  return newest;
}

/** True when .next holds a production build newer than every app source file. */
export function appBuildIsFresh(): boolean {
  const built = statSync(BUILD_ID, { throwIfNoEntry: false });
  return built !== undefined && built.mtimeMs > newestSourceMtime();
}

export class AppBuildError extends Error {
  override name = "AppBuildError";
}

/** `next build` unless the build is fresh; resolves to whether it built. Its output is kept for the error only. */
export async function ensureAppBuild(): Promise<{ built: boolean; seconds: number; buildId: string }> {
  if (appBuildIsFresh()) return { built: false, seconds: 0, buildId: readFileSync(BUILD_ID, "utf8") };
  const started = Date.now();
  const output: string[] = [];
  const child = spawn(process.execPath, [nextBin, "build"], {
    cwd: repoRoot,
    env: { ...process.env, ...NEXT_ENV, FAIRGATE_BUILD_SKIP_TYPECHECK: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d: Buffer) => output.push(d.toString()));
  child.stderr.on("data", (d: Buffer) => output.push(d.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) throw new AppBuildError(`next build failed (exit ${code}):\n${output.join("").slice(-8000)}`);
  return { built: true, seconds: (Date.now() - started) / 1000, buildId: readFileSync(BUILD_ID, "utf8") };
}
