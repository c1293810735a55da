import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type LiveFeedMessage, liveFeedChannel } from '@qifu/contracts';
import { PgListener, preparedQuery } from '@qifu/database';
import { BatchLoop, createRedis, MESSAGING_OPTIONS, type MessagingOptions } from '@qifu/messaging';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { audienceOf, FEED_CHANNEL, type NotificationRow, rowToView } from './feed.rows';

const BATCH = 500;
const POLL_MS = 1_000;

/**
 * Pushes committed feed lines to the browsers' streams (Redis pub/sub, one channel per audience).
 * Woken by NOTIFY when an inbox transaction commits lines, with a slow poll as a backstop. Under one
 * advisory lock a batch gets its stream positions (`seq`) and is published before the lock is
 * released, so every gateway sees lines in `seq` order and a replay from Last-Event-ID misses none.
 * A crash after publishing but before commit re-pushes those lines; the gateway drops repeats by id.
 */
@Injectable()
export class LiveFeedRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('LiveFeedRelay');
  private redis?: Redis;
  private listener?: PgListener;
  private timer?: NodeJS.Timeout;
  private readonly loop = new BatchLoop(
    () => this.pushBatch(),
    BATCH,
    (err) => this.log.warn(`live push paused: ${err.message}`),
  );

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.redis = createRedis(this.options.redisUrl, { maxRetriesPerRequest: 1 });
    this.redis.on('error', (err: Error) => this.log.warn(`redis: ${err.message}`));
    const url = (this.dataSource.options as { url?: string }).url ?? '';
    this.listener = new PgListener(
      url,
      FEED_CHANNEL,
      () => this.kick(),
      (m) => this.log.warn(m),
    );
    await this.listener.start();
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.kick();
  }

  kick(): void {
    this.loop.kick();
  }

  private async pushBatch(): Promise<number> {
    const redis = this.redis;
    if (!redis) return 0;
    return this.dataSource.transaction(async (m) => {
      await preparedQuery(m, `SELECT pg_advisory_xact_lock(hashtext('qifu-notifications-live-feed'))`);
      // Not prepared: a prepared `RETURNING n.*` would fail on its connection once a migration adds a column.
      const rows = (await m.query(
        `UPDATE notifications n SET seq = s.seq
           FROM (SELECT id, nextval('feed_seq') AS seq
                   FROM (SELECT id FROM notifications WHERE seq IS NULL ORDER BY created_at, id LIMIT ${BATCH} FOR UPDATE) x) s
          WHERE n.id = s.id
        RETURNING n.*`,
      )) as [NotificationRow[], number];
      const pushed = rows[0];
      if (pushed.length === 0) return 0;
      pushed.sort((a, b) => Number(a.seq) - Number(b.seq));
      const pipeline = redis.pipeline();
      for (const row of pushed) {
        const message: LiveFeedMessage = { kind: 'notification', seq: Number(row.seq), notification: rowToView(row) };
        pipeline.publish(liveFeedChannel(this.options.prefix, audienceOf(row)), JSON.stringify(message));
      }
      const results = await pipeline.exec();
      const failed = results?.find(([err]) => err);
      if (!results || failed) throw new Error(`publish failed: ${failed?.[0]?.message ?? 'no reply'}`);
      return pushed.length;
    });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.loop.stop();
    await this.listener?.stop();
    this.redis?.disconnect();
  }
}
