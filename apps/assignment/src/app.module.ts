import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@qifu/database';
import { MessagingModule, pingController } from '@qifu/messaging';
import type { AssignmentConfig } from './config/assignment.config';
import { ASSIGNMENT_CONFIG } from './config/assignment.tokens';
import { assignmentDatabase, SCHEMA } from './database';
import { DirectoryModule } from './directory/directory.module';
import { RoutingModule } from './routing/routing.module';

@Module({})
export class AppModule {
  static forRoot(config: AssignmentConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot(dataSourceOptions({ ...assignmentDatabase(config.DATABASE_URL), poolSize: config.DATABASE_POOL_SIZE })),
        MessagingModule.forService({
          service: 'assignment',
          schema: SCHEMA,
          redisUrl: config.REDIS_URL,
          prefix: config.QUEUE_PREFIX,
          inboxBatch: config.INBOX_BATCH,
        }),
        RoutingModule,
        DirectoryModule,
      ],
      providers: [{ provide: ASSIGNMENT_CONFIG, useValue: config }],
      exports: [ASSIGNMENT_CONFIG],
      controllers: [pingController('assignment')],
    };
  }
}
