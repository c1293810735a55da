import { Controller, Get, Header } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { Public } from '../auth/auth.decorators';
import { SlaMetricsReader } from './sla-metrics.reader';

export const gatewayRegistry = new Registry();
collectDefaultMetrics({ register: gatewayRegistry, prefix: 'qifu_gateway_' });

/** Prometheus metrics: the gateway process, and the SLA service's figures summed over its replicas (docs/sla.md). */
@ApiTags('operations')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly sla: SlaMetricsReader) {}

  @Get()
  @Header('Content-Type', gatewayRegistry.contentType)
  async metrics(): Promise<string> {
    return `${await gatewayRegistry.metrics()}\n${await this.sla.metrics()}`;
  }
}
