import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { EMAIL_DELIVERY_QUEUE, INBOX_QUEUES, RPC_QUEUES, SLA_ALERT_QUEUE, WEBHOOK_DELIVERY_QUEUE } from '@qifu/contracts';
import { createRedis } from '@qifu/messaging';
import { Queue } from 'bullmq';
import type { Router } from 'express';
import type { Redis } from 'ioredis';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { QUEUE_BOARD_PATH } from './queue-board.guard';

/** Every queue of the install, as operators look for them. */
export const BOARD_QUEUES: readonly string[] = [
  ...Object.values(RPC_QUEUES),
  ...Object.values(INBOX_QUEUES),
  SLA_ALERT_QUEUE,
  WEBHOOK_DELIVERY_QUEUE,
  EMAIL_DELIVERY_QUEUE,
];

/**
 * The queue dashboard at /admin/queues (bull-board, admin only): waiting, active, delayed, failed
 * jobs of every queue, with retry and clean. It opens its Redis connection only when first used.
 */
@Injectable()
export class QueueBoardService implements OnApplicationShutdown {
  private connection?: Redis;
  private queues: Queue[] = [];

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  router(): Router {
    this.connection = createRedis(this.config.REDIS_URL, { lazyConnect: true });
    this.connection.on('error', () => undefined);
    this.queues = BOARD_QUEUES.map((name) => new Queue(name, { connection: this.connection!, prefix: this.config.QUEUE_PREFIX }));
    for (const q of this.queues) q.on('error', () => undefined);
    const server = new ExpressAdapter();
    server.setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({
      queues: this.queues.map((q) => new BullMQAdapter(q)),
      serverAdapter: server,
      options: { uiConfig: { boardTitle: 'Qifu queues' } },
    });
    return server.getRouter() as Router;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((q) => q.close().catch(() => undefined)));
    this.connection?.disconnect();
  }
}
