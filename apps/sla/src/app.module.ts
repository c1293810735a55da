import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@qifu/database';
import { MessagingModule, pingController } from '@qifu/messaging';
import { CalendarsModule } from './calendars/calendars.module';
import type { SlaConfig } from './config/sla.config';
import { SLA_CONFIG } from './config/sla.tokens';
import { SCHEMA, slaDatabase } from './database';
import { PoliciesModule } from './policies/policies.module';
import { TimersModule } from './timers/timers.module';

@Module({})
export class AppModule {
  static forRoot(config: SlaConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions({ ...slaDatabase(config.DATABASE_URL), poolSize: config.DATABASE_POOL_SIZE })),
        MessagingModule.forService({
          service: 'sla',
          schema: SCHEMA,
          redisUrl: config.REDIS_URL,
          prefix: config.QUEUE_PREFIX,
          inboxBatch: config.INBOX_BATCH,
        }),
        CalendarsModule,
        PoliciesModule,
        TimersModule,
      ],
      providers: [{ provide: SLA_CONFIG, useValue: config }],
      exports: [SLA_CONFIG],
      controllers: [pingController('sla')],
    };
  }
}
