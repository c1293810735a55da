import { CodedError, type RequestStatus } from '@qifu/contracts';

/**
 * The request lifecycle (API.md "Requests"). One table; every move not in it is refused with
 * INVALID_TRANSITION naming the current status.
 *
 *   submitted → assigned → in_progress ⇄ awaiting_company → resolved → closed
 *   resolved → under_review (bad rating) → in_progress (rework) | closed (upheld)
 *   submitted | assigned | in_progress | awaiting_company → cancelled
 *   submitted | assigned | in_progress → submitted (transfer: waits for its next officer; a waiting
 *     request transferred by a supervisor to a named officer is assignment by hand)
 *   resolved | closed → in_progress (reopen)
 */
export const TRANSITIONS = {
  assign: { from: ['submitted', 'assigned'], to: 'assigned' },
  accept: { from: ['assigned'], to: 'in_progress' },
  request_info: { from: ['in_progress'], to: 'awaiting_company' },
  provide_info: { from: ['awaiting_company'], to: 'in_progress' },
  resolve: { from: ['in_progress'], to: 'resolved' },
  rate_good: { from: ['resolved'], to: 'closed' },
  rate_bad: { from: ['resolved'], to: 'under_review' },
  review_rework: { from: ['under_review'], to: 'in_progress' },
  review_upheld: { from: ['under_review'], to: 'closed' },
  cancel: { from: ['submitted', 'assigned', 'in_progress', 'awaiting_company'], to: 'cancelled' },
  reopen: { from: ['resolved', 'closed'], to: 'in_progress' },
  transfer: { from: ['submitted', 'assigned', 'in_progress'], to: 'submitted' },
  /** A dated plan for a case that cannot be solved within its target: the status stays. */
  plan: { from: ['in_progress'], to: 'in_progress' },
} as const satisfies Record<string, { from: readonly RequestStatus[]; to: RequestStatus }>;

export type RequestAction = keyof typeof TRANSITIONS;

const WORDS: Readonly<Record<RequestAction, string>> = {
  assign: 'assign',
  accept: 'accept',
  request_info: 'request information for',
  provide_info: 'provide information for',
  resolve: 'resolve',
  rate_good: 'rate',
  rate_bad: 'rate',
  review_rework: 'review',
  review_upheld: 'review',
  cancel: 'cancel',
  reopen: 'reopen',
  transfer: 'transfer',
  plan: 'set a plan for',
};

export function canApply(action: RequestAction, current: RequestStatus): boolean {
  return (TRANSITIONS[action].from as readonly RequestStatus[]).includes(current);
}

/** The status after `action`, or an INVALID_TRANSITION error that names the current status. */
export function nextStatus(action: RequestAction, current: RequestStatus): RequestStatus {
  if (!canApply(action, current)) {
    const allowed = TRANSITIONS[action].from.join(', ');
    throw new CodedError('INVALID_TRANSITION', `cannot ${WORDS[action]} a request that is ${current} (allowed from: ${allowed})`);
  }
  return TRANSITIONS[action].to;
}

/** A company may escalate ("nobody is solving this") while the request is still open. */
export const ESCALATABLE: readonly RequestStatus[] = ['submitted', 'assigned', 'in_progress', 'awaiting_company', 'under_review'];

export function checkEscalatable(current: RequestStatus): void {
  if (!ESCALATABLE.includes(current)) {
    throw new CodedError('INVALID_TRANSITION', `cannot escalate a request that is ${current} (allowed from: ${ESCALATABLE.join(', ')})`);
  }
}
