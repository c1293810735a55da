import { Module } from '@nestjs/common';
import { SlaMetrics } from './sla-metrics';
import { SlaMetricsPublisher } from './sla-metrics.publisher';

@Module({ providers: [SlaMetrics, SlaMetricsPublisher], exports: [SlaMetrics] })
export class MetricsModule {}
