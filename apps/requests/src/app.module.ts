import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@qifu/database';
import { MessagingModule, pingController } from '@qifu/messaging';
import { CompaniesModule } from './companies/companies.module';
import type { RequestsConfig } from './config/requests.config';
import { requestsDatabase, SCHEMA } from './database';
import { ReportsModule } from './reports/reports.module';
import { RequestsModule } from './requests/requests.module';

@Module({})
export class AppModule {
  static forRoot(config: RequestsConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions({ ...requestsDatabase(config.DATABASE_URL), poolSize: config.DATABASE_POOL_SIZE })),
        MessagingModule.forService({
          service: 'requests',
          schema: SCHEMA,
          redisUrl: config.REDIS_URL,
          prefix: config.QUEUE_PREFIX,
          inboxBatch: config.INBOX_BATCH,
        }),
        CompaniesModule,
        RequestsModule,
        ReportsModule,
      ],
      controllers: [pingController('requests')],
    };
  }
}
