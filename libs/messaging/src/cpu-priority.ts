import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Lowers this process's CPU priority to `nice` (0–19; 0 leaves it as it is). On Linux a nice value
 * belongs to each thread, so every thread running now is lowered (threads started later inherit it
 * from the main thread); elsewhere the process is. Never raises a priority (that needs privileges).
 * Returns what went wrong, or undefined.
 */
export function lowerCpuPriority(nice: number): string | undefined {
  if (nice <= 0 || getPriority() >= nice) return undefined;
  for (const thread of threadIds()) {
    try {
      setPriority(thread, nice);
    } catch (err) {
      // A thread that ended in between is no problem.
      if ((err as { info?: { code?: string } }).info?.code !== 'ESRCH')
        return `could not lower the CPU priority to nice ${nice}: ${(err as Error).message}`;
    }
  }
  return undefined;
}

function threadIds(): number[] {
  try {
    return readdirSync('/proc/self/task').map(Number);
  } catch {
    return [0];
  }
}
