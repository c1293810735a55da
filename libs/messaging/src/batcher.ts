/** How a Batcher runs its items: all together (all or nothing, a result per item in order), or one alone. */
export interface BatchRunner<T, R = void> {
  together(items: readonly T[]): Promise<R[]>;
  alone(item: T): Promise<R>;
}

interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

/**
 * Gathers items that arrive while a batch is running and runs them as the next batch, one batch at a
 * time: an item arriving when nothing runs starts at once (no added wait), and under load the batches
 * grow by themselves. When a batch of several fails, each of its items runs alone, so one bad item
 * fails only itself. `add` settles with its item's result when it has run.
 */
export class Batcher<T, R = void> {
  private readonly waiting: Waiting<T, R>[] = [];
  private running = false;
  private scheduled = false;
  private draining: Promise<void> = Promise.resolve();

  constructor(
    private readonly runner: BatchRunner<T, R>,
    private readonly maxSize: number,
    private readonly onFallback: (err: unknown, size: number) => void = () => undefined,
  ) {}

  add(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running || this.scheduled) return;
    this.scheduled = true;
    // Items handed over in the same turn of the event loop (a worker fetching several) share a batch.
    setImmediate(() => {
      this.scheduled = false;
      this.draining = this.drain();
    });
  }

  /** Resolves once every item added so far has run (a clean shutdown waits for it). */
  async idle(): Promise<void> {
    while (this.scheduled || this.running) {
      if (this.scheduled) await new Promise((resolve) => setImmediate(resolve));
      else await this.draining;
    }
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length > 0) await this.runBatch(this.waiting.splice(0, this.maxSize));
    } finally {
      this.running = false;
    }
  }

  private async runBatch(batch: Waiting<T, R>[]): Promise<void> {
    if (batch.length > 1) {
      try {
        const results = await this.runner.together(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(results[i] as R));
        return;
      } catch (err) {
        this.onFallback(err, batch.length);
      }
    }
    for (const w of batch) {
      try {
        w.resolve(await this.runner.alone(w.item));
      } catch (err) {
        w.reject(err);
      }
    }
  }
}
