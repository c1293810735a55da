import { Alert, Progress, Switch, Table, Tag } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { ApiErrorAlert } from '../../shared/errors/ApiErrorAlert';
import { useNotifyError } from '../../shared/errors/use-notify-error';
import { useUsers } from '../org/org-api';
import { useWorkloads } from './dashboard-api';

/** Officers with open cases against capacity; availability can be switched here. */
export function WorkloadTable() {
  const { t } = useTranslation();
  const officers = useUsers('officer');
  const list = officers.data ?? [];
  const workloads = useWorkloads(list);
  const qc = useQueryClient();
  const notifyError = useNotifyError();
  const setAvailable = useMutation({
    mutationFn: ({ id, available }: { id: string; available: boolean }) =>
      api<User>(`/users/${id}`, { method: 'PATCH', body: { available } }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['org', 'users'] }),
    onError: notifyError,
  });
  const missing = workloads.length > 0 && workloads.every((w) => w.isSuccess && w.data === null);
  return (
    <>
      {officers.error && <ApiErrorAlert error={officers.error} />}
      {missing && (
        <Alert type="info" showIcon title={t('dashboard.workloadUnavailable')} style={{ marginBottom: 12 }} />
      )}
      <Table<User>
        rowKey="id"
        size="small"
        loading={officers.isLoading}
        dataSource={list}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('fields.displayName'), dataIndex: 'displayName' },
          {
            title: t('fields.available'),
            dataIndex: 'available',
            width: 90,
            render: (_v, u) => (
              <Switch
                size="small"
                checked={u.available !== false}
                aria-label={`${t('fields.available')} ${u.displayName}`}
                onChange={(available) => setAvailable.mutate({ id: u.id, available })}
              />
            ),
          },
          {
            title: t('fields.categories'),
            dataIndex: 'categories',
            render: (_v, u) => (u.categories ?? []).map((c) => <Tag key={c}>{t(`category.${c}`)}</Tag>),
          },
          {
            title: `${t('dashboard.openCases')} / ${t('dashboard.capacity')}`,
            key: 'load',
            width: 220,
            render: (_v, u, i) => {
              const w = workloads[i]?.data;
              const open = w?.open ?? u.openCases;
              const cap = w?.capacity ?? u.capacity ?? 20;
              if (open === undefined) return `— / ${cap}`;
              return (
                <Progress
                  percent={Math.round((open / Math.max(cap, 1)) * 100)}
                  format={() => `${open} / ${cap}`}
                  size="small"
                  status={open >= cap ? 'exception' : 'normal'}
                />
              );
            },
          },
          {
            title: t('dashboard.breached'),
            key: 'breached',
            width: 90,
            render: (_v, _u, i) => workloads[i]?.data?.breached ?? '—',
          },
        ]}
      />
    </>
  );
}
