import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export type ManagedProcess = { name: string; child: ChildProcess; output: string[] };
export type ExitHandler = (p: ManagedProcess, code: number | null, signal: NodeJS.Signals | null) => void;

/**
 * Children that live and die together: when one exits unexpectedly, or on `stop()`,
 * every other one gets SIGTERM, then SIGKILL after a grace period. Used by `npm start`
 * and by the end-to-end tests, so both drive the real processes the same way.
 */
export class ProcessGroup {
  readonly processes: ManagedProcess[] = [];
  #stopping = false;
  #onUnexpectedExit: ExitHandler;

  constructor(options: { onUnexpectedExit?: ExitHandler } = {}) {
    this.#onUnexpectedExit = options.onUnexpectedExit ?? (() => {});
  }

  /**
   * Starts `command` in its own process group (so a kill reaches its children too).
   * `echo` writes each output line, prefixed, to this process's stdout; the last 200 lines are kept either way.
   */
  start(
    name: string,
    command: string,
    args: string[],
    options: SpawnOptions & { echo?: boolean } = {},
  ): ManagedProcess {
    const { echo = false, ...spawnOptions } = options;
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true, ...spawnOptions });
    const managed: ManagedProcess = { name, child, output: [] };
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split(/\r?\n/)) {
        if (!line) continue;
        managed.output.push(line);
        if (managed.output.length > 200) managed.output.shift();
        if (echo) process.stdout.write(`\x1b[2m[${name}]\x1b[0m ${line}\n`);
      }
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    child.on("exit", (code, signal) => {
      if (!this.#stopping) this.#onUnexpectedExit(managed, code, signal);
    });
    this.processes.push(managed);
    return managed;
  }

  /** Stops every child: SIGTERM to its process group, SIGKILL after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.processes.map((p) => stopOne(p.child, graceMs)));
  }
}

export class ProcessExitedError extends Error {
  override name = "ProcessExitedError";
}

/**
 * Runs `wait` but fails fast, with the child's last output, if `p` exits first:
 * a start-up that crashed should not look like a 60-second timeout.
 */
export async function whileAlive<T>(p: ManagedProcess, wait: Promise<T>): Promise<T> {
  let onExit!: (code: number | null, signal: NodeJS.Signals | null) => void;
  const died = new Promise<never>((_, reject) => {
    onExit = (code, signal) =>
      reject(
        new ProcessExitedError(
          `${p.name} exited (${signal ?? `code ${code}`}) while starting:\n${p.output.slice(-30).join("\n")}`,
        ),
      );
    if (!alive(p.child)) onExit(p.child.exitCode, p.child.signalCode);
    p.child.once("exit", onExit);
  });
  try {
    return await Promise.race([wait, died]);
  } finally {
    p.child.off("exit", onExit);
    died.catch(() => {});
  }
}

function alive(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

async function stopOne(child: ChildProcess, graceMs: number): Promise<void> {
  if (!alive(child)) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  signalGroup(child, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
