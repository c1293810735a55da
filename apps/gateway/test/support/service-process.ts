import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { join } from 'node:path';
import type { ServiceKey } from './system';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Where `npm run build:api` puts a service's entry point. */
export function builtMain(key: ServiceKey): string {
  return join(ROOT, 'dist', 'apps', key, 'src', 'main.js');
}

/**
 * A back-end service as its own Node process from the build in dist/, so a test can kill it the
 * way a crash would (SIGKILL: no shutdown hook runs, jobs in flight are left to stall) or stop it
 * as an orchestrator would (SIGTERM). `npm test` builds dist/ before the e2e suites run.
 */
export class ServiceProcess {
  private output = '';
  private exited: Promise<number | null>;

  private constructor(
    readonly key: ServiceKey,
    private readonly child: ChildProcess,
  ) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  /** Starts the service with the suite's environment and resolves once it serves commands. */
  static async start(key: ServiceKey, env: Record<string, string>, timeoutMs = 30_000): Promise<ServiceProcess> {
    const main = builtMain(key);
    if (!existsSync(main)) throw new Error(`${main} is missing: run "npm run build:api" first (npm test does it)`);
    const child = spawn(process.execPath, ['--enable-source-maps', main], {
      env: { ...process.env, ...env, LOG_LEVEL: 'log', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const proc = new ServiceProcess(key, child);
    const collect = (chunk: Buffer): void => {
      proc.output = (proc.output + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${key} did not start within ${timeoutMs} ms:\n${proc.output}`));
      }, timeoutMs);
      const check = (): void => {
        if (proc.output.includes(`${key} service ready`)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${key} exited with ${String(code)} while starting:\n${proc.output}`));
      });
    });
    return proc;
  }

  /**
   * The nice value of each of the process's threads (Linux: a nice value belongs to a thread), or
   * of the process where /proc is missing.
   */
  threadNiceValues(): number[] {
    const pid = this.child.pid!;
    const tasks = `/proc/${pid}/task`;
    if (!existsSync(tasks)) return [getPriority(pid)];
    // Field 19 of stat is the nice value; the fields after the name (which may hold spaces) start at 3.
    return readdirSync(tasks).map((tid) => Number(readFileSync(`${tasks}/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]));
  }

  /** Everything the process printed so far (the last 20 000 characters). */
  get log(): string {
    return this.output;
  }

  /** Kills the process at once, as a crash or an OOM kill would. */
  async kill(): Promise<void> {
    this.child.kill('SIGKILL');
    await this.exited;
  }

  /** Stops it gracefully (SIGTERM) and waits for it to exit. */
  async stop(): Promise<number | null> {
    this.child.kill('SIGTERM');
    return this.exited;
  }
}
