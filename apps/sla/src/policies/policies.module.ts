import { Module } from '@nestjs/common';
import { CalendarsModule } from '../calendars/calendars.module';
import { PoliciesController } from './policies.controller';
import { PoliciesService } from './policies.service';

@Module({ imports: [CalendarsModule], controllers: [PoliciesController], providers: [PoliciesService], exports: [PoliciesService] })
export class PoliciesModule {}
