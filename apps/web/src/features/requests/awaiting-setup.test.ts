import { describe, expect, it } from 'vitest';
import type { ServiceRequest } from '../../api/types';
import { awaitingSetup } from './requests-api';

const request = (over: Partial<ServiceRequest>): ServiceRequest =>
  ({ id: 'r1', status: 'submitted', sla: null, ...over }) as ServiceRequest;

describe('awaitingSetup: a request page looks again until the deadlines arrive', () => {
  it('polls a request just filed or assigned that has no deadlines yet', () => {
    expect(awaitingSetup(request({ status: 'submitted' }))).toBe(true);
    expect(awaitingSetup(request({ status: 'assigned' }))).toBe(true);
  });

  it('stops once the deadlines are there, or when nothing more will come', () => {
    const sla = { responseDueAt: '2026-12-07T06:30:00Z', resolutionDueAt: '2026-12-10T01:00:00Z', state: 'running' };
    expect(awaitingSetup(request({ status: 'assigned', sla } as Partial<ServiceRequest>))).toBe(false);
    expect(awaitingSetup(request({ status: 'cancelled' }))).toBe(false);
    expect(awaitingSetup(undefined)).toBe(false);
  });
});
