/**
 * A ready PGlite data folder (initdb done, migrations applied) that an empty folder starts as a
 * copy of. PGlite's initdb runs a second WebAssembly Postgres and copies its heap: most of a cold
 * start (≈ 9 s and ≈ 300 MiB of peak RSS on a shared 2-core machine), against well under a second
 * to copy 40 MB. Built once per (PGlite version, migrations) under `.cache/pglite-template/`, so a
 * schema change gets a fresh template; two processes building it at once both finish (one rename wins).
 */
import { createHash } from "node:crypto";
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { MIGRATIONS_FOLDER } from "./migrations-folder";
import { PGLITE_OPTIONS } from "./pglite-options";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
/** Override with FAIRGATE_PGLITE_TEMPLATES (a writable folder); default `<repo>/.cache/pglite-template`. */
const templatesRoot = () =>
  resolve(process.env.FAIRGATE_PGLITE_TEMPLATES ?? join(repoRoot, ".cache", "pglite-template"));

/** Folder of the template for the current PGlite version and migrations. */
export async function pgliteTemplatePath(): Promise<string> {
  const hash = createHash("sha256");
  // The package's exports hide package.json: read it next to the resolved entry (dist/…).
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  const pkg = JSON.parse(await readFile(join(dirname(entry), "..", "package.json"), "utf8")) as { version: string };
  hash.update(`pglite ${pkg.version}\n`);
  for (const file of (await readdir(MIGRATIONS_FOLDER, { recursive: true })).sort()) {
    if (!file.endsWith(".sql") && !file.endsWith(".json")) continue;
    hash.update(file);
    hash.update(await readFile(join(MIGRATIONS_FOLDER, file)));
  }
  return join(templatesRoot(), hash.digest("hex").slice(0, 16));
}

/** Whether `dir` holds a PGlite/Postgres data folder already. */
export async function hasDatabase(dir: string): Promise<boolean> {
  return (await readdir(dir).catch(() => [] as string[])).includes("PG_VERSION");
}

/**
 * Returns the template folder, building it first if missing (initdb + migrations, then closed so
 * the files are complete).
 *
 * @example
 * await cp(await ensurePgliteTemplate(), emptyDir, { recursive: true });
 */
export async function ensurePgliteTemplate(): Promise<string> {
  const target = await pgliteTemplatePath();
  if (await hasDatabase(target)) return target;
  await mkdir(templatesRoot(), { recursive: true });
  const building = `${target}.building-${process.pid}-${Date.now()}`;
  try {
    const client = await PGlite.create(building, PGLITE_OPTIONS);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.close();
    }
    await rename(building, target).catch(async (err: NodeJS.ErrnoException) => {
      // Another process finished first: use its copy.
      if (!(await hasDatabase(target))) throw err;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return target;
}

/**
 * Makes the empty folder `dir` a copy of the template, atomically: the copy is made beside it and
 * renamed over it (rename(2) replaces an empty directory), so a kill -9 mid-copy leaves `dir`
 * empty, never half a database.
 */
export async function copyPgliteTemplate(dir: string): Promise<void> {
  const template = await ensurePgliteTemplate();
  const staging = join(dirname(dir), `.${basename(dir)}.from-template-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  try {
    await cp(template, staging, { recursive: true });
    await rename(staging, dir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

let dumpOnce: Promise<Blob> | null = null;

/**
 * The migrated empty database as a tar of its data folder, for in-memory instances
 * (`loadDataDir`): measured 4.2 s for initdb + migrations against 1.0 s to load the dump, on the
 * shared 2-core machine. Written once per (PGlite version, migrations) beside the folder template,
 * read once per process.
 */
export function pgliteTemplateDump(): Promise<Blob> {
  dumpOnce ??= loadOrBuildDump().catch((err: unknown) => {
    dumpOnce = null;
    throw err;
  });
  return dumpOnce;
}

async function loadOrBuildDump(): Promise<Blob> {
  const file = `${await pgliteTemplatePath()}.tar`;
  const existing = await readFile(file).catch(() => null);
  if (existing) return new Blob([existing]);
  await mkdir(templatesRoot(), { recursive: true });
  const client = await PGlite.create(PGLITE_OPTIONS);
  let dump: Blob;
  try {
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    dump = await client.dumpDataDir("none");
  } finally {
    await client.close();
  }
  // Written beside and renamed: a reader never sees half a file; of two builders one rename wins.
  const partial = `${file}.partial-${process.pid}-${Date.now()}`;
  await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await rename(partial, file);
  return dump;
}
