import type { ServiceName } from '../queues';
import type { RequestAssignedV1, RequestUnassignedV1 } from './assignment-events';
import type {
  RequestAcceptedV1,
  RequestEscalatedV1,
  RequestFiledV1,
  RequestPlanSetV1,
  RequestRatedV1,
  RequestStatusChangedV1,
  RequestTransferRequestedV1,
} from './request-events';
import type { SlaBreachedV1, SlaEscalatedV1, SlaStateChangedV1, SlaTargetsSetV1, SlaWarningV1 } from './sla-events';

export type * from './assignment-events';
export type * from './request-events';
export type * from './sla-events';

/** Event name → payload. The version is part of the name; a new shape gets a new name. */
export interface EventPayloads {
  'request.filed.v1': RequestFiledV1;
  'request.accepted.v1': RequestAcceptedV1;
  'request.status_changed.v1': RequestStatusChangedV1;
  'request.rated.v1': RequestRatedV1;
  'request.escalated.v1': RequestEscalatedV1;
  'request.plan_set.v1': RequestPlanSetV1;
  'request.transfer_requested.v1': RequestTransferRequestedV1;
  'request.assigned.v1': RequestAssignedV1;
  'request.unassigned.v1': RequestUnassignedV1;
  'sla.targets_set.v1': SlaTargetsSetV1;
  'sla.state_changed.v1': SlaStateChangedV1;
  'sla.warning.v1': SlaWarningV1;
  'sla.breached.v1': SlaBreachedV1;
  'sla.escalated.v1': SlaEscalatedV1;
}
export type EventName = keyof EventPayloads;

export interface EventEnvelope<N extends EventName = EventName> {
  /** The outbox row's UUID, reused as the BullMQ job id so a re-send is a no-op and the inbox dedupes on it. */
  id: string;
  name: N;
  /** The service that produced the event. */
  source: ServiceName;
  occurredAt: string;
  payload: EventPayloads[N];
}

/**
 * Routing: which services' inboxes receive each event. The relay fans out by this table; each
 * subscriber must register exactly one handler per event listed for it (checked at boot).
 */
export const EVENT_SUBSCRIBERS: Readonly<Record<EventName, readonly ServiceName[]>> = {
  'request.filed.v1': ['assignment', 'sla'],
  'request.accepted.v1': ['sla', 'assignment'],
  'request.status_changed.v1': ['assignment', 'sla', 'notifications'],
  'request.rated.v1': ['notifications'],
  'request.escalated.v1': ['notifications'],
  'request.plan_set.v1': ['sla', 'notifications'],
  'request.transfer_requested.v1': ['assignment'],
  'request.assigned.v1': ['requests', 'sla', 'notifications'],
  'request.unassigned.v1': ['requests', 'notifications'],
  'sla.targets_set.v1': ['requests'],
  'sla.state_changed.v1': ['requests'],
  'sla.warning.v1': ['notifications'],
  'sla.breached.v1': ['requests', 'notifications'],
  'sla.escalated.v1': ['requests', 'notifications'],
};

export function eventsSubscribedBy(service: ServiceName): EventName[] {
  return (Object.keys(EVENT_SUBSCRIBERS) as EventName[]).filter((name) => EVENT_SUBSCRIBERS[name].includes(service));
}
