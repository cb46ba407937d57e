/** Where commands write: the real terminal, or a buffer in tests. */
export type CliIo = {
  out(line: string): void;
  err(line: string): void;
  /** True on an interactive terminal: progress bars instead of one line per step. */
  isTTY: boolean;
};

export const stdio: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  isTTY: Boolean(process.stderr.isTTY),
};

/** Collects output; for tests. */
export function bufferIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), isTTY: false };
}
