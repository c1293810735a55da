import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { AuthModule } from './auth/auth.module';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway.config';
import { DemoSeeder } from './demo/demo-seeder';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { SlaMetricsReader } from './metrics/sla-metrics.reader';
import { NotificationsModule } from './notifications/notifications.module';
import { OrganisationController } from './organisation/organisation.controller';
import { ReportsController } from './reports/reports.controller';
import { WorkloadController } from './reports/workload.controller';
import { RequestLifecycleController } from './requests/request-lifecycle.controller';
import { RequestsController } from './requests/requests.controller';
import { QueueBoardService } from './queues/queue-board.service';
import { RpcModule } from './rpc/rpc.module';
import { CalendarsController } from './sla/calendars.controller';
import { SlaController } from './sla/sla.controller';
import { ThrottlingModule } from './throttling/throttling.module';
import { WebhooksController } from './webhooks/webhooks.controller';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [RpcModule, AuthModule, ThrottlingModule, NotificationsModule, ...webApp(config)],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }, DemoSeeder, QueueBoardService, SlaMetricsReader],
      exports: [GATEWAY_CONFIG],
      controllers: [
        HealthController,
        MetricsController,
        OrganisationController,
        RequestsController,
        RequestLifecycleController,
        ReportsController,
        WorkloadController,
        SlaController,
        CalendarsController,
        WebhooksController,
      ],
    };
  }
}

/** The browser app at /, with index.html for every other GET so client-side routes load. */
function webApp(config: GatewayConfig): DynamicModule[] {
  if (!existsSync(join(config.WEB_ROOT, 'index.html'))) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath: config.WEB_ROOT,
      exclude: [
        '/api/{*path}',
        '/health/{*path}',
        '/metrics',
        '/admin/queues',
        '/admin/queues/{*path}',
        '/docs',
        '/docs/{*path}',
        '/docs-json',
        '/docs-yaml',
      ],
      serveStaticOptions: {
        index: 'index.html',
        // Vite names assets by content hash: cache them for a year; always revalidate the page itself.
        setHeaders: (res, path) => {
          res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      },
    }),
  ];
}
