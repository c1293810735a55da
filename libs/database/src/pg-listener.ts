import { Client } from 'pg';

/**
 * LISTENs on a channel with its own connection and reconnects when it drops. NOTIFY sent inside a
 * transaction is delivered at commit, which makes it the "something committed" signal.
 */
export class PgListener {
  private client?: Client;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly onNotify: () => void,
    private readonly onProblem: (message: string) => void = () => undefined,
  ) {}

  async start(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('error', (err) => {
      this.onProblem(`LISTEN ${this.channel} lost: ${err.message}`);
      this.client = undefined;
      this.retry();
    });
    client.on('notification', () => this.onNotify());
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    this.client = client;
  }

  private retry(): void {
    if (this.stopped) return;
    setTimeout(() => {
      if (this.stopped || this.client) return;
      this.start().then(
        () => this.onNotify(),
        () => this.retry(),
      );
    }, 1_000).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.client?.end().catch(() => undefined);
  }
}
