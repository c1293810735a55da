/**
 * Runs `batch` until it returns fewer than `size` items; a kick during a run schedules one more run
 * right after it, never two at once. Used by everything that moves committed rows somewhere else
 * (outbox relay, live feed push, delivery queueing), woken by NOTIFY and a poll.
 */
export class BatchLoop {
  private running = false;
  private again = false;
  private stopped = false;
  private draining?: Promise<void>;

  constructor(
    private readonly batch: () => Promise<number>,
    private readonly size: number,
    private readonly onError: (err: Error) => void,
  ) {}

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Runs now, or right after the run in progress. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.draining = (async () => {
      do {
        this.again = false;
        try {
          while ((await this.batch()) === this.size) {
            /* keep going */
          }
        } catch (err) {
          this.onError(err as Error);
        }
      } while (this.again && !this.stopped);
      this.running = false;
    })();
  }

  /** No new runs; waits for the one in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.draining?.catch(() => undefined);
  }
}
