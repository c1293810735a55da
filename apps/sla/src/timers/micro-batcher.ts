interface Waiting<I, O> {
  item: I;
  resolve: (out: O) => void;
  reject: (err: unknown) => void;
}

/**
 * Gathers items handed in one by one (each BullMQ job) into batches of at most `max`, flushed when
 * full or `waitMs` after the first item, and answers each caller with its own result. A batch that
 * fails fails every item in it (the queue retries them).
 */
export class MicroBatcher<I, O> {
  private waiting: Waiting<I, O>[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly max: number,
    private readonly waitMs: number,
  ) {}

  add(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= this.max) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.waitMs);
    });
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting.splice(0, this.max);
    if (this.waiting.length > 0) this.timer = setTimeout(() => this.flush(), this.waitMs);
    if (batch.length === 0) return;
    this.run(batch.map((w) => w.item)).then(
      (outs) => batch.forEach((w, i) => w.resolve(outs[i] as O)),
      (err: unknown) => batch.forEach((w) => w.reject(err)),
    );
  }
}
