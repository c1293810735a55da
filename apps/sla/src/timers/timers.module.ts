import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars/calendars.module';
import { MetricsModule } from '../metrics/metrics.module';
import { PoliciesModule } from '../policies/policies.module';
import { SlaAlertProcessor } from './sla-alert.processor';
import { SlaAlertScheduler } from './sla-alert.scheduler';
import { SlaTimersHandlers } from './sla-timers.handlers';
import { SlaTimersService } from './sla-timers.service';

@Module({
  imports: [CalendarsModule, PoliciesModule, MetricsModule],
  providers: [SlaTimersService, SlaTimersHandlers, SlaAlertProcessor, SlaAlertScheduler],
})
export class TimersModule {}
