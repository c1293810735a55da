import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { GATEWAY_CONFIG, type GatewayConfig } from './config/gateway.config';
import { DemoSeeder } from './demo/demo-seeder';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { OrganisationController } from './organisation/organisation.controller';
import { RequestsController } from './requests/requests.controller';
import { RpcModule } from './rpc/rpc.module';
import { SlaController } from './sla/sla.controller';

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [RpcModule, AuthModule],
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }, DemoSeeder],
      exports: [GATEWAY_CONFIG],
      controllers: [HealthController, MetricsController, OrganisationController, RequestsController, SlaController, NotificationsController],
    };
  }
}
