import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Category, Priority, RequestStatus } from '../../api/types';
import { activeDueAt, slaColour, slaDisplayState, timeLeftMs, type SlaSubject } from '../../shared/sla';
import { formatDateTime, formatDuration } from '../../shared/time';

const STATUS_COLOURS: Record<RequestStatus, string> = {
  submitted: 'default',
  assigned: 'processing',
  in_progress: 'blue',
  awaiting_company: 'orange',
  resolved: 'cyan',
  under_review: 'magenta',
  closed: 'green',
  cancelled: 'default',
};
const PRIORITY_COLOURS: Record<Priority, string> = { low: 'default', normal: 'blue', high: 'orange', urgent: 'red' };

export function StatusTag({ status }: { status: RequestStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOURS[status]}>{t(`status.${status}`)}</Tag>;
}

export function PriorityTag({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  return <Tag color={PRIORITY_COLOURS[priority]}>{t(`priority.${priority}`)}</Tag>;
}

export function CategoryTag({ category }: { category: Category }) {
  const { t } = useTranslation();
  return <Tag>{t(`category.${category}`)}</Tag>;
}

export function useDurationText() {
  const { t } = useTranslation();
  return (ms: number) => formatDuration(ms, { d: t('time.d'), h: t('time.h'), m: t('time.m') });
}

/** SLA state as a coloured tag with the time left (or overdue), the due time in the tooltip. */
export function SlaTag({ request, now }: { request: SlaSubject; now: Date }) {
  const { t } = useTranslation();
  const duration = useDurationText();
  const state = slaDisplayState(request, now);
  const left = timeLeftMs(request, now);
  const due = activeDueAt(request);
  let text = t(`sla.${state}`);
  if (state === 'paused') text = t('time.paused');
  else if ((state === 'on_track' || state === 'warning' || state === 'breached') && left !== null) {
    text = `${t(`sla.${state}`)} · ${left >= 0 ? t('time.left', { time: duration(left) }) : t('time.overdue', { time: duration(-left) })}`;
  }
  const level = request.sla?.escalationLevel ?? 0;
  return (
    <>
      <Tooltip title={due ? formatDateTime(due) : undefined}>
        <Tag color={slaColour(state).tag}>{text}</Tag>
      </Tooltip>
      {level > 0 && <Tag color="volcano">{t('sla.escalated', { level })}</Tag>}
    </>
  );
}
