import type { EventName, EventPayloads, FeedAudience, NotificationType, SlaTarget } from '@qifu/contracts';

/** A notification goes to a person, to every user of a company, or to everyone with a role. */
export type Recipient = FeedAudience;

export interface PlannedNotification {
  type: NotificationType;
  recipients: Recipient[];
  requestId: string;
  referenceNo: string;
  /** The feed line: Chinese first, English after. */
  message: string;
  /** The same in each language (emails are in the reader's). */
  text: { zh: string; en: string };
}

/** A planned notification and the id of the event it comes from (deliveries are unique per event). */
export interface PlannedEvent {
  planned: PlannedNotification;
  eventId: string;
}

/** A message in both languages: the feed shows both, an email the reader's. */
const say = (zh: string, en: string): Pick<PlannedNotification, 'message' | 'text'> => ({ message: `${zh} · ${en}`, text: { zh, en } });

const users = (...ids: (string | null | undefined)[]): Recipient[] =>
  [...new Set(ids.filter((id): id is string => typeof id === 'string'))].map((userId) => ({ userId }));

const TARGET_WORDS: Readonly<Record<SlaTarget, string>> = { response: '响应', resolution: '办结', milestone: '计划节点' };

type Rules = { [N in EventName]?: (p: EventPayloads[N]) => PlannedNotification | null };

/**
 * Who hears what (issue "Notifications", point 1). One table: an event name → the notification
 * and its recipients, or null when nobody is told. Messages are Chinese first, English after.
 */
export const RECIPIENT_RULES: Rules = {
  'request.assigned.v1': (p) => ({
    type: 'request.assigned',
    recipients: users(p.officerId),
    requestId: p.requestId,
    referenceNo: p.referenceNo,
    ...say(`工单 ${p.referenceNo} 已分派给您`, `${p.referenceNo} was assigned to you`),
  }),
  'request.unassigned.v1': (p) => ({
    type: 'request.unassigned',
    recipients: p.supervisorIds.length > 0 ? users(...p.supervisorIds) : [{ role: 'admin' }],
    requestId: p.requestId,
    referenceNo: p.referenceNo,
    ...say(`工单 ${p.referenceNo} 暂无可分派人员`, `${p.referenceNo} is waiting: ${p.reason}`),
  }),
  'request.status_changed.v1': (p) => {
    if (p.to === 'awaiting_company') {
      return {
        type: 'request.info_requested',
        recipients: [{ companyId: p.companyId }],
        requestId: p.requestId,
        referenceNo: p.referenceNo,
        ...say(`工单 ${p.referenceNo} 需要补充材料`, `${p.referenceNo} needs more information from you`),
      };
    }
    if (p.to === 'resolved') {
      return {
        type: 'request.resolved',
        recipients: [{ companyId: p.companyId }],
        requestId: p.requestId,
        referenceNo: p.referenceNo,
        ...say(`工单 ${p.referenceNo} 已办结，请评价`, `${p.referenceNo} was resolved: please rate it`),
      };
    }
    return null;
  },
  'request.rated.v1': (p) =>
    p.rating === 'bad'
      ? {
          type: 'rating.bad',
          recipients: p.supervisorId ? users(p.supervisorId) : [{ role: 'admin' }],
          requestId: p.requestId,
          referenceNo: p.referenceNo,
          ...say(`工单 ${p.referenceNo} 收到差评，请核实`, `${p.referenceNo} was rated bad: please verify`),
        }
      : null,
  'request.escalated.v1': (p) => ({
    type: 'request.escalated',
    recipients: p.supervisorId ? users(p.supervisorId, p.assigneeId) : [{ role: 'admin' }, ...users(p.assigneeId)],
    requestId: p.requestId,
    referenceNo: p.referenceNo,
    ...say(`企业催办工单 ${p.referenceNo}（第 ${p.level} 级）：${p.reason}`, `the company escalated ${p.referenceNo}: ${p.reason}`),
  }),
  'request.plan_set.v1': (p) => ({
    type: 'request.plan_set',
    recipients: [{ companyId: p.companyId }],
    requestId: p.requestId,
    referenceNo: p.referenceNo,
    ...say(
      `工单 ${p.referenceNo} 制定了办理计划（${p.milestones.length} 个节点，最后 ${p.milestones.at(-1)?.dueAt.slice(0, 10) ?? ''}）`,
      `${p.referenceNo} has a plan with ${p.milestones.length} milestone(s)`,
    ),
  }),
  'sla.warning.v1': (p) => ({
    type: 'sla.warning',
    recipients: users(p.assigneeId),
    requestId: p.requestId,
    referenceNo: p.referenceNo,
    ...say(`工单 ${p.referenceNo} 即将超时（已用 ${Math.round(p.fraction * 100)}%）`, `${p.referenceNo} ${p.target} deadline is near`),
  }),
  'sla.breached.v1': (p) => ({
    type: 'sla.breached',
    recipients: p.assigneeId || p.supervisorId ? users(p.assigneeId, p.supervisorId) : [{ role: 'admin' }],
    requestId: p.requestId,
    referenceNo: p.referenceNo,
    ...say(
      `工单 ${p.referenceNo} 已超时（${TARGET_WORDS[p.target]}${p.label ? `：${p.label}` : ''}）`,
      `${p.referenceNo} missed its ${p.target} deadline${p.label ? ` (${p.label})` : ''}`,
    ),
  }),
  'sla.escalated.v1': (p) => ({
    type: 'sla.escalated',
    // Department heads are not modelled yet: the assignee's supervisor stands in for them.
    recipients: p.notify === 'admin' ? [{ role: 'admin' }] : p.supervisorId ? users(p.supervisorId) : [{ role: 'admin' }],
    requestId: p.requestId,
    referenceNo: p.referenceNo,
    ...say(`工单 ${p.referenceNo} 已督办（第 ${p.level} 级）`, `${p.referenceNo} escalated to level ${p.level}`),
  }),
};

export function planNotification<N extends EventName>(name: N, payload: EventPayloads[N]): PlannedNotification | null {
  const rule = RECIPIENT_RULES[name] as ((p: EventPayloads[N]) => PlannedNotification | null) | undefined;
  const planned = rule ? rule(payload) : null;
  return planned && planned.recipients.length > 0 ? planned : null;
}
