import { realpathSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import type { NextConfig } from "next";

const root = process.cwd();

/** The deepest folder holding both `a` and `b`. */
function commonAncestor(a: string, b: string): string {
  const left = a.split(sep);
  const right = b.split(sep);
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  return left.slice(0, i).join(sep) || sep;
}

// Turbopack compiles nothing outside its root. In a git worktree whose node_modules is a symlink
// to another checkout, the real packages live outside the repo: widen the root just enough.
const modules = realpathSync(join(root, "node_modules"));
const turbopackRoot = relative(root, modules).startsWith("..") ? commonAncestor(root, dirname(modules)) : root;

const nextConfig: NextConfig = {
  turbopack: { root: turbopackRoot },
  // Browser tests build with this set: `npm test` type-checks the same files with tsc already.
  typescript: { ignoreBuildErrors: process.env.FAIRGATE_BUILD_SKIP_TYPECHECK === "1" },
};

export default nextConfig;
