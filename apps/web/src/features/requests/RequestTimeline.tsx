import { Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../api/types';
import { formatDateTime } from '../../shared/time';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import {
  actorLabel,
  eventDeadlines,
  eventItems,
  eventMilestones,
  eventRating,
  eventText,
  eventTime,
  eventTitle,
  timelineEventKey,
} from './timeline-text';

const COLOURS: Record<string, string> = {
  resolved: 'green',
  closed: 'green',
  cancelled: 'gray',
  info_requested: 'orange',
  escalated: 'red',
  sla_breached: 'red',
  rated: 'blue',
};

export function RequestTimeline({
  events,
  loading,
  error,
}: {
  events: TimelineEvent[] | undefined;
  loading: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  if (error) return <ApiErrorAlert error={error} />;
  if (loading) return <Skeleton active />;
  if (!events?.length) return <Empty description={t('detail.noTimeline')} />;
  return (
    <Timeline
      items={events.map((e, i) => {
        const key = timelineEventKey(e.type);
        const text = eventText(e);
        const items = eventItems(e);
        const milestones = eventMilestones(e);
        const deadlines = eventDeadlines(e);
        const rating = eventRating(e);
        return {
          key: e.id ?? i,
          color: COLOURS[key] ?? (e.internal ? 'gray' : 'blue'),
          content: (
            <div>
              <div>
                <Typography.Text strong>{eventTitle(e, t)}</Typography.Text>{' '}
                {e.internal && <Tag>{t('detail.internalTag')}</Tag>}
                {rating && <Tag color={rating === 'good' ? 'green' : 'red'}>{t(`detail.${rating}`)}</Tag>}
                <Typography.Text type="secondary">
                  {actorLabel(e, t)} · {formatDateTime(eventTime(e))}
                </Typography.Text>
              </div>
              {(deadlines.responseDueAt ?? deadlines.resolutionDueAt) && (
                <div>
                  {[
                    deadlines.responseDueAt && `${t('sla.responseDue')} ${formatDateTime(deadlines.responseDueAt)}`,
                    deadlines.resolutionDueAt &&
                      `${t('sla.resolutionDue')} ${formatDateTime(deadlines.resolutionDueAt)}`,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </div>
              )}
              {text && <div style={{ whiteSpace: 'pre-wrap' }}>{text}</div>}
              {items.length > 0 && (
                <ol style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                  {items.map((it, n) => (
                    <li key={n}>{it}</li>
                  ))}
                </ol>
              )}
              {milestones.length > 0 && (
                <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
                  {milestones.map((m, n) => (
                    <li key={n}>
                      {formatDateTime(m.dueAt)} · {m.title}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
