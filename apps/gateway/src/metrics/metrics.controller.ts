import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators';

export const gatewayRegistry = new Registry();
collectDefaultMetrics({ register: gatewayRegistry, prefix: 'qifu_gateway_' });

/** Prometheus metrics of the gateway process (SLA and queue metrics join in later issues). */
@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  @Get()
  @Header('Content-Type', gatewayRegistry.contentType)
  metrics(): Promise<string> {
    return gatewayRegistry.metrics();
  }
}
