import { Controller, Get, Inject, type OnApplicationShutdown, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { PING_PATTERNS, SERVICES } from '@qifu/contracts';
import { createRedis } from '@qifu/messaging';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { Public } from '../auth/auth.decorators';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway.config';
import { RpcClientService } from '../rpc/rpc-client.service';

type Check = { status: 'up' | 'down'; error?: string };

/** Outside /api/v1: liveness (this process) and readiness (Redis and every service, each of which checks its database). */
@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController implements OnApplicationShutdown {
  private readonly redis: Redis;

  constructor(
    private readonly rpc: RpcClientService,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.redis = createRedis(config.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true, enableOfflineQueue: false });
    this.redis.on('error', () => undefined);
  }

  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<{ status: 'ok' | 'unavailable'; checks: Record<string, Check> }> {
    const checks: Record<string, Check> = {};
    const redis = (async (): Promise<void> => {
      try {
        if (this.redis.status === 'wait' || this.redis.status === 'end') await this.redis.connect();
        await this.redis.ping();
        checks.redis = { status: 'up' };
      } catch (err) {
        checks.redis = { status: 'down', error: (err as Error).message };
      }
    })();
    const services = SERVICES.map(async (service) => {
      try {
        await this.rpc.call(PING_PATTERNS[service], {}, 2_000);
        checks[service] = { status: 'up' };
      } catch (err) {
        checks[service] = { status: 'down', error: (err as Error).message };
      }
    });
    await Promise.all([redis, ...services]);
    const ok = Object.values(checks).every((c) => c.status === 'up');
    if (!ok) res.status(503);
    return { status: ok ? 'ok' : 'unavailable', checks };
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
