/** Entry point of every service process: a start failure prints its reason and exits non-zero. */
export function runMain(name: string, start: () => Promise<unknown>): void {
  start().catch((err: unknown) => {
    process.stderr.write(`[${name}] failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
