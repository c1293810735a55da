import { Injectable } from '@nestjs/common';
import { CalendarError, parseDuration } from '@qifu/calendar';
import {
  CodedError,
  type FieldProblem,
  type Priority,
  type PutSlaPolicyInput,
  type RequestCategory,
  type SlaPolicyView,
} from '@qifu/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { CalendarsService } from '../calendars/calendars.service';
import { choosePolicy } from './domain/policy-match';
import { SlaPolicy } from './policy.entity';

export function toPolicyView(p: SlaPolicy): SlaPolicyView {
  return {
    name: p.name,
    match: { ...(p.matchCategory ? { category: p.matchCategory } : {}), ...(p.matchPriority ? { priority: p.matchPriority } : {}) },
    calendarId: p.calendarId,
    response: { duration: p.responseDuration, clock: p.responseClock },
    resolution: { duration: p.resolutionDuration, clock: p.resolutionClock },
    warnAt: p.warnAt,
    escalation: p.escalation,
    updatedAt: p.updatedAt.toISOString(),
  };
}

@Injectable()
export class PoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calendars: CalendarsService,
  ) {}

  async list(): Promise<SlaPolicyView[]> {
    const rows = await this.dataSource.manager.find(SlaPolicy, { order: { name: 'ASC' } });
    return rows.map(toPolicyView);
  }

  async put(input: PutSlaPolicyInput): Promise<SlaPolicyView> {
    const problems: FieldProblem[] = [];
    const checkDuration = (field: string, d: string, clock?: SlaPolicyView['response']['clock']): void => {
      try {
        parseDuration(d, clock);
      } catch (err) {
        if (err instanceof CalendarError) problems.push({ field, message: `${field}: ${err.message}` });
        else throw err;
      }
    };
    checkDuration('response.duration', input.response.duration, input.response.clock);
    checkDuration('resolution.duration', input.resolution.duration, input.resolution.clock);
    // Escalation steps run on the resolution target's clock.
    input.escalation.forEach((s, i) => checkDuration(`escalation.${i}.after`, s.after, input.resolution.clock));
    if (!(await this.calendars.exists(input.calendarId)))
      problems.push({ field: 'calendarId', message: `calendarId: calendar ${input.calendarId} not found` });
    if (problems.length > 0) throw new CodedError('VALIDATION_FAILED', problems.map((p) => p.message).join('; '), problems);
    const row: SlaPolicy = {
      name: input.name,
      matchCategory: input.match.category ?? null,
      matchPriority: input.match.priority ?? null,
      calendarId: input.calendarId,
      responseDuration: input.response.duration,
      responseClock: input.response.clock,
      resolutionDuration: input.resolution.duration,
      resolutionClock: input.resolution.clock,
      warnAt: input.warnAt,
      escalation: input.escalation,
      updatedAt: new Date(),
    };
    await this.dataSource.manager.upsert(SlaPolicy, row, ['name']);
    return toPolicyView(row);
  }

  /** The policy each new request is filed under (most specific match), with one query for all of them. */
  async forRequests(m: EntityManager, requests: readonly { category: RequestCategory; priority: Priority }[]): Promise<SlaPolicy[]> {
    const rows = await m.find(SlaPolicy);
    const options = rows.map((p) => ({
      p,
      name: p.name,
      match: { ...(p.matchCategory ? { category: p.matchCategory } : {}), ...(p.matchPriority ? { priority: p.matchPriority } : {}) },
    }));
    return requests.map((request) => {
      const chosen = choosePolicy(options, request);
      if (!chosen) throw new CodedError('INTERNAL', 'no SLA policy matches and the default policy is missing');
      return chosen.p;
    });
  }
}
