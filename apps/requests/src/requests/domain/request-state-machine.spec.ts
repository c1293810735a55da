import { REQUEST_STATUSES, type RequestStatus } from '@qifu/contracts';
import { canApply, checkEscalatable, nextStatus, type RequestAction, TRANSITIONS } from './request-state-machine';

describe('request state machine', () => {
  it.each<[RequestAction, RequestStatus, RequestStatus]>([
    ['assign', 'submitted', 'assigned'],
    ['accept', 'assigned', 'in_progress'],
    ['request_info', 'in_progress', 'awaiting_company'],
    ['provide_info', 'awaiting_company', 'in_progress'],
    ['resolve', 'in_progress', 'resolved'],
    ['rate_good', 'resolved', 'closed'],
    ['rate_bad', 'resolved', 'under_review'],
    ['review_rework', 'under_review', 'in_progress'],
    ['review_upheld', 'under_review', 'closed'],
    ['cancel', 'awaiting_company', 'cancelled'],
    ['reopen', 'closed', 'in_progress'],
    ['transfer', 'in_progress', 'submitted'],
    ['transfer', 'assigned', 'submitted'],
    ['transfer', 'submitted', 'submitted'],
    ['plan', 'in_progress', 'in_progress'],
  ])('%s moves %s to %s', (action, from, to) => {
    expect(nextStatus(action, from)).toBe(to);
  });

  it('refuses every move outside the table with INVALID_TRANSITION naming the current status', () => {
    let refused = 0;
    for (const action of Object.keys(TRANSITIONS) as RequestAction[]) {
      for (const status of REQUEST_STATUSES) {
        if (canApply(action, status)) continue;
        refused += 1;
        expect(() => nextStatus(action, status)).toThrow(
          expect.objectContaining({ code: 'INVALID_TRANSITION', message: expect.stringContaining(`is ${status}`) }),
        );
      }
    }
    expect(refused).toBeGreaterThan(60);
  });

  it('never leaves a terminal cancelled request, and a closed one only by reopening', () => {
    const fromCancelled = (Object.keys(TRANSITIONS) as RequestAction[]).filter((a) => canApply(a, 'cancelled'));
    const fromClosed = (Object.keys(TRANSITIONS) as RequestAction[]).filter((a) => canApply(a, 'closed'));
    expect(fromCancelled).toEqual([]);
    expect(fromClosed).toEqual(['reopen']);
  });

  it('cannot cancel a resolved request', () => {
    expect(() => nextStatus('cancel', 'resolved')).toThrow('cannot cancel a request that is resolved');
  });

  it('cannot transfer a request nobody is working on any more (a waiting one can be, by hand)', () => {
    for (const status of ['awaiting_company', 'resolved', 'under_review', 'closed', 'cancelled'] as const) {
      expect(canApply('transfer', status)).toBe(false);
    }
  });

  it('lets a company escalate only an open request', () => {
    expect(() => checkEscalatable('in_progress')).not.toThrow();
    expect(() => checkEscalatable('awaiting_company')).not.toThrow();
    expect(() => checkEscalatable('resolved')).toThrow('cannot escalate a request that is resolved');
    expect(() => checkEscalatable('closed')).toThrow(expect.objectContaining({ code: 'INVALID_TRANSITION' }));
  });
});
