import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars/calendars.module';
import { MetricsModule } from '../metrics/metrics.module';
import { PoliciesModule } from '../policies/policies.module';
import { SlaAlertProcessor } from './sla-alert.processor';
import { SlaAlertScheduler } from './sla-alert.scheduler';
import { SlaIntakeService } from './sla-intake.service';
import { SlaTimersHandlers } from './sla-timers.handlers';
import { SlaTimersService } from './sla-timers.service';

@Module({
  imports: [CalendarsModule, PoliciesModule, MetricsModule],
  providers: [SlaTimersService, SlaIntakeService, SlaTimersHandlers, SlaAlertProcessor, SlaAlertScheduler],
})
export class TimersModule {}
