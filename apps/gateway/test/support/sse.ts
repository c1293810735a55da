import type { NotificationView } from '@qifu/contracts';

export interface SseEvent {
  id?: string;
  event?: string;
  data: string;
  receivedAt: number;
}

/**
 * A minimal Server-Sent Events client over fetch (as a browser's EventSource would read the stream),
 * keeping every event it received. `close()` hangs up like a closed tab.
 */
export class SseClient {
  readonly events: SseEvent[] = [];
  /** Comment lines (`: ...`), e.g. heartbeats. */
  readonly comments: string[] = [];
  status = 0;
  contentType = '';
  ended = false;
  private readonly abort = new AbortController();
  private done?: Promise<void>;

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
    const client = new SseClient();
    await client.connect(url, headers);
    return client;
  }

  private async connect(url: string, headers: Record<string, string>): Promise<void> {
    const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: this.abort.signal });
    this.status = res.status;
    this.contentType = res.headers.get('content-type') ?? '';
    if (!res.ok || !res.body) {
      this.body = await res.text();
      this.ended = true;
      return;
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    this.done = (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            this.parse(buffer.slice(0, cut));
            buffer = buffer.slice(cut + 2);
          }
        }
      } catch {
        /* aborted */
      }
      this.ended = true;
    })();
  }

  body = '';

  private parse(block: string): void {
    const event: SseEvent = { data: '', receivedAt: Date.now() };
    const data: string[] = [];
    let any = false;
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      if (line.startsWith(':') || line === '') continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') event.id = value;
      else if (field === 'event') event.event = value;
      else if (field === 'data') data.push(value);
      else continue;
      any = true;
    }
    if (!any || data.length === 0) return;
    event.data = data.join('\n');
    this.events.push(event);
  }

  /** The notifications received (default event type), in order. */
  notifications(): (NotificationView & { receivedAt: number; eventId?: string })[] {
    return this.events
      .filter((e) => !e.event || e.event === 'message')
      .map((e) => ({ ...(JSON.parse(e.data) as NotificationView), receivedAt: e.receivedAt, eventId: e.id }));
  }

  lastEventId(): string | undefined {
    return this.events.filter((e) => e.id).at(-1)?.id;
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.done;
  }
}
