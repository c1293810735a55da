import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asItems } from '../../../api/client';
import type { Paged, SlaPolicy } from '../../../api/types';
import { ApiErrorAlert } from '../../../shared/errors/ApiErrorAlert';
import { FormModal } from '../FormModal';
import { useAdminWrite } from '../admin-api';
import { policiesKey, useCalendars } from '../config-api';
import { PolicyFields } from './PolicyFields';
import { formToPolicyBody, policyToForm, type PolicyForm } from './sla-form';

export default function SlaPoliciesPage() {
  const { t } = useTranslation();
  const list = useQuery({
    queryKey: policiesKey,
    queryFn: async () => asItems(await api<SlaPolicy[] | Paged<SlaPolicy>>('/sla/policies')),
  });
  const calendars = useCalendars();
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const save = useAdminWrite<PolicyForm, SlaPolicy>(
    'PUT',
    (f) => `/sla/policies/${encodeURIComponent(f.name.trim())}`,
    [policiesKey],
    formToPolicyBody,
  );
  const current = editing === 'new' ? null : editing;
  const clock = (c: string) => (c === 'business' ? t('admin.policy.business') : t('admin.policy.calendarClock'));
  return (
    <Card
      title={t('admin.sla')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => (save.reset(), setEditing('new'))}>
          {t('admin.policy.newPolicy')}
        </Button>
      }
    >
      {list.error && <ApiErrorAlert error={list.error} />}
      <Table<SlaPolicy>
        rowKey="name"
        loading={list.isLoading}
        dataSource={list.data ?? []}
        scroll={{ x: 900 }}
        columns={[
          { title: t('admin.policy.policyName'), dataIndex: 'name' },
          {
            title: t('admin.policy.match'),
            key: 'match',
            render: (_v, p) => (
              <>
                <Tag>{p.match.category ? t(`category.${p.match.category}`) : t('admin.policy.anyCategory')}</Tag>
                <Tag>{p.match.priority ? t(`priority.${p.match.priority}`) : t('admin.policy.anyPriority')}</Tag>
              </>
            ),
          },
          {
            title: t('admin.policy.response'),
            key: 'response',
            render: (_v, p) => `${p.response.duration} · ${clock(p.response.clock)}`,
          },
          {
            title: t('admin.policy.resolution'),
            key: 'resolution',
            render: (_v, p) => `${p.resolution.duration} · ${clock(p.resolution.clock)}`,
          },
          {
            title: t('admin.policy.warnAt'),
            dataIndex: 'warnAt',
            render: (w: number[]) => w.map((x) => `${Math.round(x * 100)}%`).join(' / '),
          },
          {
            title: t('admin.policy.escalation'),
            dataIndex: 'escalation',
            render: (es: SlaPolicy['escalation']) =>
              es.map((e, i) => <Tag key={i}>{`+${e.after} → ${t(`admin.notifyTarget.${e.notify}`)}`}</Tag>),
          },
          { title: t('admin.policy.calendar'), dataIndex: 'calendarId' },
          {
            key: 'edit',
            width: 80,
            render: (_v, p) => (
              <Button size="small" onClick={() => (save.reset(), setEditing(p))}>
                {t('actions.edit')}
              </Button>
            ),
          },
        ]}
      />
      <FormModal<PolicyForm>
        open={editing !== null}
        width={720}
        title={current ? `${t('actions.edit')} · ${current.name}` : t('admin.policy.newPolicy')}
        initialValues={
          current
            ? policyToForm(current)
            : {
                calendarId: 'cn-default',
                responseDuration: 'PT4H',
                responseClock: 'business',
                resolutionDuration: 'P3D',
                resolutionClock: 'business',
                warnAt: '0.5, 0.8',
              }
        }
        onClose={() => setEditing(null)}
        onSubmit={(v) => save.mutateAsync(current ? { ...v, name: current.name } : v)}
        error={save.error}
        pending={save.isPending}
      >
        <PolicyFields creating={!current} calendars={calendars.data ?? []} />
      </FormModal>
    </Card>
  );
}
