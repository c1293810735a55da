import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { SLA_METRICS_KEY } from '@qifu/contracts';
import { createRedis } from '@qifu/messaging';
import type { Redis } from 'ioredis';
import { AggregatorRegistry, Gauge, Registry } from 'prom-client';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';

/**
 * The SLA figures for /metrics: each sla replica publishes its prom-client registry to Redis
 * (apps/sla/src/metrics); this sums counters and histograms over the replicas that reported within
 * the last three periods and keeps the largest value of the PostgreSQL-read gauges.
 */
@Injectable()
export class SlaMetricsReader implements OnModuleDestroy {
  private readonly log = new Logger('SlaMetricsReader');
  private redis?: Redis;
  private readonly own = new Registry();
  private readonly reporting = new Gauge({
    name: 'qifu_sla_metrics_replicas',
    help: 'SLA replicas whose metrics reached the gateway recently; 0 means the qifu_sla_* figures are missing (alert on it)',
    registers: [this.own],
  });

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  private client(): Redis {
    if (!this.redis) {
      this.redis = createRedis(this.config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: false });
      this.redis.on('error', (err: Error) => this.log.warn(`redis: ${err.message}`));
    }
    return this.redis;
  }

  async metrics(): Promise<string> {
    let parts: object[] = [];
    try {
      const set = `${this.config.QUEUE_PREFIX}:${SLA_METRICS_KEY}`;
      const redis = this.client();
      const ids = await redis.zrangebyscore(set, Date.now(), '+inf');
      const values = ids.length > 0 ? await redis.mget(ids.map((id) => `${set}:${id}`)) : [];
      parts = values.filter((v): v is string => v !== null).map((v) => JSON.parse(v) as object);
    } catch (err) {
      this.log.warn(`SLA metrics unavailable: ${(err as Error).message}`);
    }
    this.reporting.set(parts.length);
    const own = await this.own.metrics();
    if (parts.length === 0) return own;
    return `${own}\n${await AggregatorRegistry.aggregate(parts).metrics()}`;
  }

  onModuleDestroy(): void {
    this.redis?.disconnect();
  }
}
