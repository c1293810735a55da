import { Card, Segmented, Space, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RequestStatus } from '../../api/types';
import { useSession } from '../../auth/use-session';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import { compareByDeadline, slaColour, slaDisplayState, type SlaDisplayState } from '../../shared/sla';
import { useNow } from '../../shared/use-now';
import { RequestsTable } from '../requests/RequestsTable';
import { useRequests } from '../requests/requests-api';

const DONE: RequestStatus[] = ['resolved', 'closed', 'cancelled'];

/** The officer's queue: nearest deadline first, each row tinted by its SLA state, time left counting down. */
export default function QueuePage() {
  const { t } = useTranslation();
  const session = useSession();
  const now = useNow(15_000);
  const [scope, setScope] = useState<'open' | 'all'>('open');
  // Officers see only their own cases (API scoping); supervisors on the workbench filter to themselves.
  const assigneeId = session?.user.role === 'officer' ? undefined : session?.user.id;
  const list = useRequests({ assigneeId, page: 1, pageSize: 100 }, { refetchInterval: 60_000 });
  const rows = useMemo(() => {
    const items = list.data?.items ?? [];
    const filtered = scope === 'open' ? items.filter((r) => !DONE.includes(r.status)) : items;
    return [...filtered].sort(compareByDeadline);
  }, [list.data, scope]);
  const counts = useMemo(() => {
    const c: Partial<Record<SlaDisplayState, number>> = {};
    rows.forEach((r) => {
      const s = slaDisplayState(r, now);
      c[s] = (c[s] ?? 0) + 1;
    });
    return c;
  }, [rows, now]);
  return (
    <Card
      title={t('list.queueTitle')}
      extra={
        <Segmented<'open' | 'all'>
          value={scope}
          onChange={(v) => setScope(v)}
          options={[
            { value: 'open', label: t('list.open') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {(['breached', 'warning', 'on_track', 'paused'] as const).map((s) => (
          <Tag key={s} color={slaColour(s).tag}>
            {t(`sla.${s}`)}: {counts[s] ?? 0}
          </Tag>
        ))}
      </Space>
      {list.error && <ApiErrorAlert error={list.error} style={{ marginBottom: 12 }} />}
      <RequestsTable
        data={list.data}
        rows={rows}
        loading={list.isLoading}
        now={now}
        linkTo={(r) => `/workbench/cases/${r.id}`}
        showCompany
        tintRows
      />
    </Card>
  );
}
