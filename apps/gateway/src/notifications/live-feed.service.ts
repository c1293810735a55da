import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { CodedError, type FeedAudience, type LiveFeedMessage, liveFeedChannel } from '@qifu/contracts';
import { createRedis } from '@qifu/messaging';
import type { Redis } from 'ioredis';
import { Counter, Gauge } from 'prom-client';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { gatewayRegistry } from '../metrics/metrics.controller';

const openStreams = new Gauge({
  name: 'qifu_gateway_sse_open_streams',
  help: 'Event streams (GET /notifications/stream) open now',
  registers: [gatewayRegistry],
});
const sentLines = new Counter({
  name: 'qifu_gateway_sse_notifications_sent_total',
  help: 'Notifications written to event streams (live and replayed)',
  registers: [gatewayRegistry],
});

export type LiveFeedListener = (message: LiveFeedMessage) => void;

interface Subscription {
  listeners: Set<LiveFeedListener>;
  ready: Promise<unknown>;
}

/**
 * The gateway's side of the live feed: one Redis subscriber connection per gateway process, shared by
 * every open stream; a channel (one per user, company or role) is subscribed while a stream needs it.
 */
@Injectable()
export class LiveFeedService implements OnModuleDestroy {
  private readonly log = new Logger('LiveFeed');
  private readonly subscriptions = new Map<string, Subscription>();
  private readonly closers = new Set<() => void>();
  private redis?: Redis;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  private connection(): Redis {
    if (!this.redis) {
      const redis = createRedis(this.config.REDIS_URL, { maxRetriesPerRequest: 1 });
      redis.on('error', (err: Error) => this.log.warn(`redis: ${err.message}`));
      redis.on('message', (channel: string, raw: string) => this.deliver(channel, raw));
      this.redis = redis;
    }
    return this.redis;
  }

  private deliver(channel: string, raw: string): void {
    const sub = this.subscriptions.get(channel);
    if (!sub) return;
    let message: LiveFeedMessage;
    try {
      message = JSON.parse(raw) as LiveFeedMessage;
    } catch {
      this.log.warn(`unreadable message on ${channel}`);
      return;
    }
    for (const listener of sub.listeners) listener(message);
  }

  /**
   * Listens to the audiences' channels; resolves once Redis confirmed every subscription (so nothing
   * published afterwards is missed). Returns the function that stops listening.
   */
  async listen(audiences: FeedAudience[], listener: LiveFeedListener): Promise<() => void> {
    const channels = audiences.map((a) => liveFeedChannel(this.config.QUEUE_PREFIX, a));
    const redis = this.connection();
    const waits: Promise<unknown>[] = [];
    for (const channel of channels) {
      let sub = this.subscriptions.get(channel);
      if (!sub) {
        const created: Subscription = { listeners: new Set(), ready: Promise.resolve() };
        // A failed SUBSCRIBE must not stay cached for the next stream.
        created.ready = redis.subscribe(channel).catch((err: unknown) => {
          if (this.subscriptions.get(channel) === created) this.subscriptions.delete(channel);
          throw err;
        });
        sub = created;
        this.subscriptions.set(channel, sub);
      }
      sub.listeners.add(listener);
      waits.push(sub.ready);
    }
    const stop = (): void => {
      for (const channel of channels) {
        const sub = this.subscriptions.get(channel);
        if (!sub) continue;
        sub.listeners.delete(listener);
        if (sub.listeners.size === 0) {
          this.subscriptions.delete(channel);
          void redis.unsubscribe(channel).catch(() => undefined);
        }
      }
    };
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.all(waits),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), this.config.RPC_TIMEOUT_MS);
        }),
      ]);
    } catch {
      stop();
      throw new CodedError('SERVICE_UNAVAILABLE', 'the live feed is unavailable (Redis did not answer): try again shortly');
    } finally {
      clearTimeout(timer);
    }
    return stop;
  }

  /** Open streams register how to end them, so shutdown does not wait for browsers to hang up. */
  onClose(closer: () => void): () => void {
    this.closers.add(closer);
    openStreams.inc();
    return () => {
      if (this.closers.delete(closer)) openStreams.dec();
    };
  }

  /** Counts a notification written to a stream (Prometheus). */
  sent(): void {
    sentLines.inc();
  }

  onModuleDestroy(): void {
    for (const close of [...this.closers]) close();
    this.redis?.disconnect();
  }
}
